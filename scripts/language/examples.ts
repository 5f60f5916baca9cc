// The hand-written half of docs/language.md's block and property entries: one sentence and one
// complete `.topo` example per block keyword and per property of src/model/schema.ts. The
// generator refuses a table entry without its example here, and an example for no entry.

import type { BlockKind } from '../../src/model/schema.js';

export interface BlockEntry {
  /** What the block stands for, one or two sentences of Markdown. */
  summary: string;
  /** A complete document using the block. */
  example: string;
}

export const BLOCK_ENTRIES: Readonly<Record<BlockKind, BlockEntry>> = {
  cluster: {
    summary:
      'One Kubernetes cluster: its address ranges, and the machines, services and workloads in it. A file holds at most one; machines outside any `cluster` belong to one implicit cluster.',
    example: `cluster shop "shop cluster" {
  pod-cidr 10.244.0.0/16
  service-cidr 10.96.0.0/12

  machine worker-1 {
    ip 192.168.56.11
    pod-cidr 10.244.1.0/24
    process kubelet
    process containerd
    process kube-proxy
  }
}`,
  },
  machine: {
    summary:
      'A physical machine, VM or cloud instance. It is a Kubernetes **node** exactly when it runs `kubelet`; its pods then run there.',
    example: `machine worker-1 "NODE (machine)" {
  kind vm
  ip 192.168.56.11
  os "Ubuntu 24.04"
  pod-cidr 10.244.1.0/24

  process kubelet
  process containerd
}`,
  },
  group: {
    summary: 'A visual grouping of processes on a machine. It separates nothing: no namespace, no cgroup.',
    example: `machine cp-1 {
  group control-plane "Control plane processes" {
    note "also just Linux processes"
    process etcd { listen 2379 }
    process kube-apiserver { listen 6443 }
  }
}`,
  },
  process: {
    summary:
      'A Linux process, on a machine (in a `group` or not) or inside a container. Its body is optional.',
    example: `machine cp-1 {
  process etcd { listen 2379 }
  process kube-apiserver "API server" {
    listen 6443
    connect localhost:2379 "store state"
  }
}`,
  },
  pod: {
    summary:
      "A pod on a machine: containers that share one network namespace (one IP, one port space, `localhost` between them) and the pod's volumes.",
    example: `machine worker-1 {
  pod-cidr 10.244.1.0/24
  process kubelet
  process containerd

  pod web "web pod" {
    namespace shop
    ip 10.244.1.10
    labels app=web
    container nginx { image "nginx:1.27"; listen 80 }
  }
}`,
  },
  container: {
    summary:
      "A container of a pod (or of a workload's pod template): its image, ports, connections and mounts, and the processes in it.",
    example: `machine worker-1 {
  process kubelet
  process containerd
  pod web {
    volume html { type emptyDir }
    container nginx "web server" {
      image "nginx:1.27"
      listen 80 http
      mount html at "/usr/share/nginx/html" readonly
      process nginx-master
    }
  }
}`,
  },
  volume: {
    summary:
      'A volume of a pod (or of a pod template), mounted by its containers with `mount`. Its body is optional.',
    example: `machine worker-1 {
  process kubelet
  process containerd
  pod web {
    volume cache { type emptyDir }
    volume logs { type hostPath; path "/var/log/web" }
    container app {
      image "ghcr.io/example/app:1.4.2"
      mount cache at "/cache"
      mount logs at "/var/log/app"
    }
  }
}`,
  },
  service: {
    summary:
      'A Kubernetes Service: one stable address for the pods its `selector` matches, in its namespace. `connect web:80` reaches it.',
    example: `service web "web frontend" {
  type NodePort
  selector app=web
  port 80 http target 8080 node 30080
}

deployment web {
  labels app=web
  container nginx { image "nginx:1.27"; listen 8080 }
}`,
  },
  deployment: {
    summary:
      'A pod template stamped out `replicas` times, round-robin over its nodes; the pods are named `NAME-1`, `NAME-2`, ….',
    example: `machine worker-1 {
  pod-cidr 10.244.1.0/24
  process kubelet
  process containerd
}

deployment web {
  replicas 2
  labels app=web
  container nginx { image "nginx:1.27"; listen 8080 }
}`,
  },
  statefulset: {
    summary:
      'Like a deployment, but its pods are numbered from zero (`NAME-0`, `NAME-1`, …), as Kubernetes names them.',
    example: `machine worker-1 {
  pod-cidr 10.244.1.0/24
  process kubelet
  process containerd
}

statefulset db {
  replicas 1
  labels app=db
  volume data { type persistentVolumeClaim db-data }
  container postgres {
    image "postgres:16.3"
    listen 5432
    mount data at "/var/lib/postgresql/data"
  }
}`,
  },
  daemonset: {
    summary: 'One pod on every node it may run on, named `NAME-NODE`; it takes no `replicas`.',
    example: `machine worker-1 {
  pod-cidr 10.244.1.0/24
  process kubelet
  process containerd
}

daemonset log-agent {
  labels app=log-agent
  volume varlog { type hostPath; path "/var/log" }
  container fluent-bit {
    image "fluent/fluent-bit:3.0"
    mount varlog at "/var/log" readonly
  }
}`,
  },
};

/** Examples that span files (`import`): each file's path, relative to the first, and its text. */
export interface ExampleFile {
  file: string;
  text: string;
}

/**
 * One complete example per property, keyed by the property's name, or `NAME@CONTEXT` (its first
 * context) for a name the table lists twice (`role@process`, `role@container`).
 */
export const PROPERTY_EXAMPLES: Readonly<Record<string, string | readonly ExampleFile[]>> = {
  title: `title "The shop cluster"

machine worker-1 { ip 192.168.56.11 }`,
  description: `title "The shop cluster"
description "Where the shop's pods run, and what they talk to."

machine worker-1 { ip 192.168.56.11 }`,
  import: [
    {
      file: 'cluster.topo',
      text: `import "shared/control-plane.topo"

machine worker-1 { ip 192.168.56.11 }`,
    },
    {
      file: 'shared/control-plane.topo',
      text: `machine cp-1 {
  ip 192.168.56.10
  process etcd
  process kube-apiserver
}`,
    },
  ],
  note: `machine lb-1 {
  note "HAProxy, run by the network team"
}`,
  doc: `machine lb-1 {
  doc """
    The load balancer in front of the cluster.
    See the **network runbook** for its failover.
    """
}`,
  kind: `machine rack-7 { kind physical }
machine worker-1 { kind cloud }`,
  namespace: `service api {
  namespace shop
  selector app=api
  port 80
}`,
  'type@service': `service db {
  type Headless
  selector app=db
  port 5432
}`,
  replicas: `deployment web {
  replicas 3
  container nginx { image "nginx:1.27" }
}`,
  on: `machine worker-1 { process kubelet; process containerd }
machine worker-2 { process kubelet; process containerd }

deployment web {
  replicas 2
  on worker-2
  container nginx { image "nginx:1.27" }
}`,
  labels: `deployment web {
  labels app.kubernetes.io/name=web, tier=frontend
  container nginx { image "nginx:1.27" }
}`,
  image: `deployment cache {
  container redis { image "redis:7.2" }
}`,
  'type@volume': `deployment web {
  volume tmp { type emptyDir }
  volume tls { type secret web-tls }
  volume data { type persistentVolumeClaim web-data }
  container nginx {
    image "nginx:1.27"
    mount tmp at "/tmp"
    mount tls at "/etc/tls" readonly
    mount data at "/srv"
  }
}`,
  'role@process': `machine cp-1 {
  process my-scheduler { role control-plane }
  process node-exporter { role other }
}`,
  'role@container': `deployment web {
  container migrate { image "ghcr.io/example/migrate:2.0"; role init }
  container nginx { image "nginx:1.27" }
  container proxy { image "envoyproxy/envoy:v1.30.1"; role sidecar }
}`,
  ip: `machine worker-1 {
  ip 192.168.56.11
  pod-cidr 10.244.1.0/24
  process kubelet
  process containerd
  pod web {
    ip 10.244.1.10
    labels app=web
    container nginx { image "nginx:1.27"; listen 80 }
  }
}

service web {
  ip 10.96.0.20
  selector app=web
  port 80
}`,
  selector: `service api {
  selector app=api, tier=backend
  port 80 target 8080
}`,
  os: `machine worker-1 { os "Ubuntu 24.04" }`,
  'pod-cidr': `cluster shop {
  pod-cidr 10.244.0.0/16
  machine worker-1 {
    pod-cidr 10.244.1.0/24
    process kubelet
    process containerd
  }
}`,
  'service-cidr': `cluster shop {
  service-cidr 10.96.0.0/12
  service web { ip 10.96.0.20; selector app=web; port 80 }
}`,
  'host-network': `daemonset node-exporter {
  host-network
  container exporter { image "prom/node-exporter:v1.8.1"; listen 9100 }
}`,
  'share-process-namespace': `deployment web {
  share-process-namespace
  container nginx {
    image "nginx:1.27"
    process master
  }
  container reloader {
    image "ghcr.io/example/reloader:1.0"
    connect nginx.master "send SIGHUP"
  }
}`,
  listen: `deployment web {
  container app {
    image "ghcr.io/example/app:1.4.2"
    listen 8080 http, 9090 metrics
    listen 5353/udp
  }
  container edge {
    image "envoyproxy/envoy:v1.30.1"
    listen 443 host 8443
  }
}`,
  port: `service web {
  type NodePort
  selector app=web
  port 80 http target 8080 node 30080
  port 443 target https
}`,
  connect: `service db { selector app=db; port 5432 }

deployment web {
  container shop {
    image "ghcr.io/example/shop:1.4.2"
    listen 8080
    connect db:5432 "orders"
    connect api.example.com:443 "payments"
    connect https://hooks.example.com/deploy "deploy hook"
  }
  container probe {
    image "busybox:1.36"
    connect localhost:8080 "health check"
  }
}`,
  mount: `deployment web {
  volume html { type configMap web-html }
  container nginx {
    image "nginx:1.27"
    mount html at "/usr/share/nginx/html" readonly
  }
}`,
  path: `deployment agent {
  volume varlog {
    type hostPath
    path "/var/log"
  }
  container agent {
    image "fluent/fluent-bit:3.0"
    mount varlog at "/var/log" readonly
  }
}`,
};
