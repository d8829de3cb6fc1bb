import type { ApiClient, Clock, KubeObject } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { ensure } from './ensure.js';

/** Three control-plane and three worker nodes spread over three zones, like an AWS IPI cluster. */
export const SEED_NODES = [
  {
    name: 'ip-10-0-12-34.ec2.internal',
    ip: '10.0.12.34',
    role: 'master',
    zone: 'us-east-1a',
    podCidr: '10.128.0',
  },
  {
    name: 'ip-10-0-45-67.ec2.internal',
    ip: '10.0.45.67',
    role: 'master',
    zone: 'us-east-1b',
    podCidr: '10.129.0',
  },
  {
    name: 'ip-10-0-78-90.ec2.internal',
    ip: '10.0.78.90',
    role: 'master',
    zone: 'us-east-1c',
    podCidr: '10.130.0',
  },
  {
    name: 'ip-10-0-23-45.ec2.internal',
    ip: '10.0.23.45',
    role: 'worker',
    zone: 'us-east-1a',
    podCidr: '10.131.0',
  },
  {
    name: 'ip-10-0-56-78.ec2.internal',
    ip: '10.0.56.78',
    role: 'worker',
    zone: 'us-east-1b',
    podCidr: '10.128.2',
  },
  {
    name: 'ip-10-0-89-12.ec2.internal',
    ip: '10.0.89.12',
    role: 'worker',
    zone: 'us-east-1c',
    podCidr: '10.129.2',
  },
] as const;

export function nodeObject(n: (typeof SEED_NODES)[number]): KubeObject {
  const master = n.role === 'master';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': n.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': master ? 'm6i.xlarge' : 'm6i.2xlarge',
        'node.openshift.io/os_id': 'rhcos',
        'topology.kubernetes.io/region': 'us-east-1',
        'topology.kubernetes.io/zone': n.zone,
        ...(master
          ? { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '' }
          : { 'node-role.kubernetes.io/worker': '' }),
      },
      annotations: { 'k8s.ovn.org/node-subnets': `{"default":["${n.podCidr}.0/23"]}` },
    },
    spec: {
      providerID: `aws:///${n.zone}/i-0${n.ip.replace(/\./g, '')}abc`,
      podCIDR: `${n.podCidr}.0/23`,
      ...(master ? { taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }] } : {}),
    },
  };
}

function nodeStatus(n: (typeof SEED_NODES)[number], now: string): Record<string, unknown> {
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  });
  const master = n.role === 'master';
  return {
    addresses: [
      { type: 'InternalIP', address: n.ip },
      { type: 'Hostname', address: n.name },
      { type: 'InternalDNS', address: n.name },
    ],
    capacity: {
      cpu: master ? '4' : '8',
      memory: master ? '16069956Ki' : '32404256Ki',
      pods: '250',
      'ephemeral-storage': '125293548Ki',
    },
    allocatable: {
      cpu: master ? '3500m' : '7500m',
      memory: master ? '14918980Ki' : '31253280Ki',
      pods: '250',
      'ephemeral-storage': '114396791822',
    },
    conditions: [
      cond(
        'MemoryPressure',
        'False',
        'KubeletHasSufficientMemory',
        'kubelet has sufficient memory available',
      ),
      cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      architecture: 'amd64',
      containerRuntimeVersion: 'cri-o://1.32.5-3.rhaos4.19.git8e0c4ae.el9',
      kernelVersion: '5.14.0-427.72.1.el9_4.x86_64',
      kubeProxyVersion: '',
      kubeletVersion: 'v1.32.5',
      operatingSystem: 'linux',
      osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20250603-0 (Plow)',
    },
  };
}

export function seedNodes(api: ApiClient, clock: Clock): void {
  const now = clock
    .now()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z');
  for (const n of SEED_NODES) ensure(api, R.nodes, nodeObject(n), nodeStatus(n, now));
}
