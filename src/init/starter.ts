// The files `topodoc init` writes: a commented starter topology that teaches the language (and
// checks clean, in the formatter's layout) and a config holding every key at its default.

import { DEFAULT_CONFIG } from '../config/types.js';

export const STARTER_TOPOLOGY_FILE = 'topology.topo';

export const STARTER_TOPOLOGY = `# A starter topology written by \`topodoc init\`. Describe your own machines here, then run
#   topodoc check topology.topo    find mistakes (Kubernetes and Linux rules)
#   topodoc render topology.topo   print the ASCII views
#   topodoc build topology.topo    write out/topology.md, .mmd and .svg
#   topodoc fmt topology.topo      lay the file out canonically
#
# Comments start with \`#\` or \`//\`. A statement ends at the end of its line (or at \`;\`).
# A block (cluster, machine, group, process, pod, container, volume) has a name, an optional
# quoted label shown in diagrams, and \`{ … }\` holding its properties and child blocks.

title "My cluster"
description "One control-plane machine and one worker node running a web pod."

cluster demo "Demo cluster" {
  # The ranges that pod IPs and service IPs are taken from.
  pod-cidr 10.244.0.0/16
  service-cidr 10.96.0.0/12

  # A machine is a physical machine, a VM or a cloud instance: \`kind physical|vm|cloud\`.
  machine control-1 "Control plane" {
    kind vm
    ip 192.168.56.10
    os "Ubuntu 24.04"

    # A group only groups for the reader: it separates nothing (no namespace, no cgroup).
    group control-plane "Control plane processes" {
      note "just Linux processes"

      # Well-known names get their role automatically: these four are the control plane.
      process etcd { listen 2379, 2380 }

      process kube-apiserver {
        listen 6443
        # \`connect\` draws an edge; a path is resolved in this block first, then outward.
        connect etcd:2379 "stores cluster state"
      }

      process kube-scheduler { connect kube-apiserver:6443 "watches unscheduled pods" }
      process kube-controller-manager { connect kube-apiserver:6443 "runs controllers" }
    }
  }

  # A machine that runs kubelet is a node: Kubernetes schedules pods onto it.
  machine worker-1 "Worker node" {
    ip 192.168.56.11
    # The range this node's pod IPs come from (inside the cluster's pod-cidr).
    pod-cidr 10.244.1.0/24

    group node-processes "Node processes" {
      process kubelet {
        listen 10250
        connect control-1.control-plane.kube-apiserver:6443 "registers the node"
      }

      process kube-proxy { connect control-1.control-plane.kube-apiserver:6443 "watches services" }
      # The container runtime that starts the pods' containers.
      process containerd
    }

    # A pod: containers that share one network namespace (one IP, \`localhost\` between them)
    # and the pod's volumes, but not their filesystems or processes.
    pod web "web pod" {
      doc """
        The app serves the files that the sidecar writes into the shared volume.
        The sidecar reaches the app over \`localhost\`: same pod, same network namespace.
        """
      ip 10.244.1.5

      volume content { type emptyDir }

      container app "app container" {
        image "nginx:1.27"
        listen 80
        mount content at "/usr/share/nginx/html" readonly
      }

      container sidecar "content sidecar" {
        image "busybox:1.36"
        role sidecar
        connect localhost:80 "health check"
        mount content at "/content"
      }
    }
  }
}
`;

export const STARTER_CONFIG_FILE = 'topodoc.config.json';

/** Every config key at its default, so users see what they can change. */
export function starterConfig(): string {
  const { rules, outDir, ascii, views, svg } = DEFAULT_CONFIG;
  return `${JSON.stringify({ rules, outDir, ascii, views, svg }, null, 2)}\n`;
}
