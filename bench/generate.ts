// Generates large valid topologies for the benchmarks: the same cluster as `.topo` text and as
// a JSON document of equal content, so parse+model+check can be compared with JSON.parse.

export interface GeneratedTopology {
  topo: string;
  json: string;
  machines: number;
  pods: number;
}

interface JsonContainer {
  name: string;
  image: string;
  listen: number[];
  connect?: { endpoint: string; label: string };
  mount: { volume: string; at: string };
}

/** `scale` 1 gives 200 machines with 10 pods of 2 containers each (2 000 pods, 4 000 containers). */
export function generateTopology(scale: number): GeneratedTopology {
  const machineCount = 200 * scale;
  const podsPerMachine = 10;
  const lines: string[] = ['title "Generated cluster"', '', 'cluster bench {', '  pod-cidr 10.0.0.0/8', ''];
  const jsonMachines: unknown[] = [];
  lines.push(...controlPlaneLines());
  for (let m = 0; m < machineCount; m++) {
    const name = `worker-${m}`;
    const octet2 = Math.floor(m / 256);
    const octet3 = m % 256;
    const podCidr = `10.${1 + octet2}.${octet3}.0/24`;
    const machineIp = `172.${16 + octet2}.${octet3}.1`;
    lines.push(`  machine ${name} "Worker ${m}" {`, `    ip ${machineIp}`, `    pod-cidr ${podCidr}`);
    lines.push('    process kubelet { listen 10250 }', '    process containerd', '    process kube-proxy');
    const pods: unknown[] = [];
    for (let p = 0; p < podsPerMachine; p++) {
      const ip = `10.${1 + octet2}.${octet3}.${p + 2}`;
      const containers: JsonContainer[] = [
        { name: 'app', image: 'nginx:1.27', listen: [8080], mount: { volume: 'data', at: '/data' } },
        {
          name: 'sidecar',
          image: 'busybox:1.36',
          listen: [9100],
          connect: { endpoint: 'localhost:8080', label: 'health check' },
          mount: { volume: 'data', at: '/srv' },
        },
      ];
      lines.push(`    pod pod-${m}-${p} {`, `      ip ${ip}`, '      volume data { type emptyDir }');
      for (const c of containers) {
        lines.push(
          `      container ${c.name} {`,
          `        image "${c.image}"`,
          `        listen ${c.listen.join(', ')}`,
        );
        if (c.connect) lines.push(`        connect ${c.connect.endpoint} "${c.connect.label}"`);
        lines.push(`        mount ${c.mount.volume} at "${c.mount.at}"`, '      }');
      }
      lines.push('    }');
      pods.push({ name: `pod-${m}-${p}`, ip, volumes: [{ name: 'data', type: 'emptyDir' }], containers });
    }
    lines.push('  }', '');
    jsonMachines.push({
      name,
      label: `Worker ${m}`,
      ip: machineIp,
      podCidr,
      processes: [{ name: 'kubelet', listen: [10250] }, { name: 'containerd' }, { name: 'kube-proxy' }],
      pods,
    });
  }
  lines.push('}', '');
  const json = JSON.stringify(
    { title: 'Generated cluster', cluster: { name: 'bench', podCidr: '10.0.0.0/8', machines: jsonMachines } },
    null,
    2,
  );
  return { topo: lines.join('\n'), json, machines: machineCount + 1, pods: machineCount * podsPerMachine };
}

function controlPlaneLines(): string[] {
  return [
    '  machine cp-1 "Control plane" {',
    '    ip 192.168.255.1',
    '    process etcd { listen 2379, 2380 }',
    '    process kube-apiserver { listen 6443; connect etcd:2379 }',
    '    process kube-scheduler { connect kube-apiserver:6443 }',
    '    process kube-controller-manager { connect kube-apiserver:6443 }',
    '  }',
    '',
  ];
}

/** Diagram `index` of the SVG benchmarks: one worker with 2–4 pods of 2 containers (as in the toolchain guide's measurement). */
export function generateSmallTopology(index: number): string {
  const pods = 2 + (index % 3);
  const lines = [
    '# topodoc-disable control-plane-incomplete -- benchmark diagram of one worker',
    `title "Benchmark diagram ${index}"`,
    '',
    `machine worker-${index} "Worker ${index}" {`,
    `  ip 192.168.${index}.10`,
    `  pod-cidr 10.${index}.0.0/24`,
    '  process kubelet',
    '  process kube-proxy',
    '  process containerd',
  ];
  for (let p = 0; p < pods; p++) {
    lines.push(
      '',
      `  pod pod-${p} "POD ${p + 1}" {`,
      `    ip 10.${index}.0.${p + 2}`,
      `    container app { image "nginx:1.27"; listen 8080 }`,
      '    container sidecar {',
      '      image "busybox:1.36"',
      '      role sidecar',
      '      connect localhost:8080 "health check"',
      '    }',
      '  }',
    );
  }
  lines.push('}', '');
  return lines.join('\n');
}

/**
 * 200 deployments of 10 replicas (2 containers each) and a service each, on 200 nodes: the .topo
 * states each template once; the JSON baseline holds the 2 000 expanded pods topodoc builds from it.
 */
export function generateWorkloadTopology(): GeneratedTopology {
  const nodes = 200;
  const deployments = 200;
  const replicas = 10;
  const lines: string[] = ['title "Generated workloads"', '', 'cluster bench {', '  pod-cidr 10.0.0.0/8', ''];
  lines.push('  service-cidr 172.20.0.0/16', '', ...controlPlaneLines());
  const jsonMachines: { name: string; podCidr: string; pods: unknown[] }[] = [];
  for (let m = 0; m < nodes; m++) {
    const podCidr = `10.${1 + Math.floor(m / 256)}.${m % 256}.0/24`;
    lines.push(`  machine worker-${m} {`, `    pod-cidr ${podCidr}`);
    lines.push(
      '    process kubelet { listen 10250 }',
      '    process containerd',
      '    process kube-proxy',
      '  }',
    );
    jsonMachines.push({ name: `worker-${m}`, podCidr, pods: [] });
  }
  const jsonServices: unknown[] = [];
  for (let d = 0; d < deployments; d++) {
    const name = `app-${d}`;
    lines.push(
      '',
      `  service ${name} { ip 172.20.${Math.floor(d / 250)}.${(d % 250) + 1}; selector app=${name}; port 80 target http }`,
      `  deployment ${name} {`,
      `    replicas ${replicas}`,
      `    labels app=${name}, tier=backend`,
      '    volume data { type emptyDir }',
      '    container app { image "nginx:1.27"; listen 8080 http; mount data at "/data" }',
      '    container sidecar { image "busybox:1.36"; listen 9100; connect localhost:8080 "health check" }',
      '  }',
    );
    jsonServices.push({ name, selector: { app: name }, ports: [{ port: 80, target: 'http' }] });
    for (let r = 0; r < replicas; r++) {
      const machine = jsonMachines[(d * replicas + r) % nodes];
      machine?.pods.push({
        name: `${name}-${r + 1}`,
        labels: { app: name, tier: 'backend' },
        volumes: [{ name: 'data', type: 'emptyDir' }],
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            listen: [{ port: 8080, name: 'http' }],
            mount: { volume: 'data', at: '/data' },
          },
          {
            name: 'sidecar',
            image: 'busybox:1.36',
            listen: [9100],
            connect: { endpoint: 'localhost:8080', label: 'health check' },
          },
        ],
      });
    }
  }
  lines.push('}', '');
  const json = JSON.stringify(
    {
      title: 'Generated workloads',
      cluster: { name: 'bench', machines: jsonMachines, services: jsonServices },
    },
    null,
    2,
  );
  return { topo: lines.join('\n'), json, machines: nodes + 1, pods: deployments * replicas };
}

/**
 * A cluster of `nodes` workers sharing `replicas` pods of two containers behind a service, each
 * pod reaching a database outside: the pictures of growing clusters (bench layout, the summary tests).
 */
export function generateCluster(nodes: number, replicas: number): string {
  const workers = Array.from(
    { length: nodes },
    (_, i) => `  machine worker-${i + 1} {
    ip 192.168.0.${i + 10}
    pod-cidr 10.244.${i}.0/24
    process kubelet
    process containerd
    process kube-proxy
  }`,
  ).join('\n');
  return `# topodoc-disable control-plane-incomplete -- the control plane is not the point here
cluster big {
  pod-cidr 10.244.0.0/16
${workers}
  deployment web {
    replicas ${replicas}
    labels app=web
    container app { image "registry.example.com/team/web-frontend:2.1.0"; listen 8080; connect db.example.com:5432 "orders" }
    container proxy { role sidecar; image "envoyproxy/envoy:v1.31.0"; listen 15001 }
  }
  service web { selector app=web; port 80 target 8080 }
}
`;
}
