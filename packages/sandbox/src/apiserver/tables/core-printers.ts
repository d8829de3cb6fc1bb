import type { KubeObject } from '../../core/types.js';
import { since } from './duration.js';
import {
  AGE_COLUMN,
  AGE_FIELD,
  NAME_COLUMN,
  NAME_FIELD,
  arr,
  col,
  count,
  dig,
  formatLabels,
  num,
  printer,
  str,
  type Field,
  type Printer,
} from './column.js';

function servicePorts(o: KubeObject): string {
  const ports = arr(dig(o, 'spec', 'ports'));
  if (ports.length === 0) return '<none>';
  return ports
    .map((p) => {
      const node = num(dig(p, 'nodePort'));
      return `${num(dig(p, 'port'))}${node ? `:${node}` : ''}/${str(dig(p, 'protocol'), 'TCP')}`;
    })
    .join(',');
}

function externalIp(o: KubeObject): string {
  const type = str(dig(o, 'spec', 'type'), 'ClusterIP');
  const external = arr(dig(o, 'spec', 'externalIPs')).map(String);
  if (type === 'ExternalName') return str(dig(o, 'spec', 'externalName'));
  if (type === 'LoadBalancer') {
    const ingress = arr(dig(o, 'status', 'loadBalancer', 'ingress')).map(
      (i) => str(dig(i, 'ip')) || str(dig(i, 'hostname')),
    );
    const all = [...ingress, ...external];
    return all.length > 0 ? all.join(',') : '<pending>';
  }
  return external.length > 0 ? external.join(',') : '<none>';
}

export const servicePrinter: Printer = printer(
  NAME_FIELD,
  [
    col('Type', 'string', 0, 'type determines how the Service is exposed.'),
    (o) => str(dig(o, 'spec', 'type'), 'ClusterIP'),
  ],
  [
    col('Cluster-IP', 'string', 0, 'clusterIP is the IP address of the service.'),
    (o) => str(dig(o, 'spec', 'clusterIP'), '<none>'),
  ],
  [
    col(
      'External-IP',
      'string',
      0,
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    externalIp,
  ],
  [col('Port(s)', 'string', 0, 'The list of ports that are exposed by this service.'), servicePorts],
  AGE_FIELD,
  [
    col(
      'Selector',
      'string',
      1,
      'Route service traffic to pods with label keys and values matching this selector.',
    ),
    (o) => formatLabels(dig(o, 'spec', 'selector')),
  ],
);

export const secretPrinter: Printer = printer(
  NAME_FIELD,
  [col('Type', 'string', 0, 'The type of the secret'), (o) => str(o.type, 'Opaque')],
  [col('Data', 'string', 0, 'The number of entries in the secret'), (o) => count(o.data)],
  AGE_FIELD,
);

export const configMapPrinter: Printer = printer(
  NAME_FIELD,
  [
    col('Data', 'string', 0, 'The number of entries in the ConfigMap'),
    (o) => count(o.data) + count(o.binaryData),
  ],
  AGE_FIELD,
);

export const namespacePrinter: Printer = printer(
  NAME_FIELD,
  [col('Status', 'string', 0, 'The status of the namespace'), (o) => str(dig(o, 'status', 'phase'))],
  AGE_FIELD,
);

export const serviceAccountPrinter: Printer = printer(
  NAME_FIELD,
  [
    col(
      'Secrets',
      'string',
      0,
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
    ),
    (o) => arr(o.secrets).length,
  ],
  AGE_FIELD,
);

const ACCESS_MODES: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};
/** GetAccessModesAsString: RWO,ROX,RWX,RWOP. */
const accessModes = (modes: unknown): string =>
  arr(modes)
    .map((m) => ACCESS_MODES[String(m)] ?? String(m))
    .join(',');

/** A column of the volume printers: `path` under the object, '' (or `fallback`) when unset. */
const at = (name: string, path: string[], fallback = '', priority = 0): Field => [
  col(name, 'string', priority),
  (o) => str(dig(o, ...path), fallback),
];
/** The columns PersistentVolumes and PersistentVolumeClaims print alike (printPersistentVolume{,Claim}). */
const STORAGE_CLASS = at('StorageClass', ['spec', 'storageClassName']);
const VOLUME_ATTRIBUTES_CLASS = at('VolumeAttributesClass', ['spec', 'volumeAttributesClassName'], '<unset>');
const VOLUME_MODE = at('VolumeMode', ['spec', 'volumeMode'], 'Filesystem', 1);
const accessModesAt = (...path: string[]): Field => [
  col('Access Modes'),
  (o) => accessModes(dig(o, ...path)),
];

export const pvcPrinter: Printer = printer(
  NAME_FIELD,
  at('Status', ['status', 'phase']),
  at('Volume', ['spec', 'volumeName']),
  at('Capacity', ['status', 'capacity', 'storage']),
  accessModesAt('status', 'accessModes'),
  STORAGE_CLASS,
  VOLUME_ATTRIBUTES_CLASS,
  AGE_FIELD,
  VOLUME_MODE,
);

export const persistentVolumePrinter: Printer = printer(
  NAME_FIELD,
  at('Capacity', ['spec', 'capacity', 'storage']),
  accessModesAt('spec', 'accessModes'),
  at('Reclaim Policy', ['spec', 'persistentVolumeReclaimPolicy']),
  [col('Status'), (o) => (o.metadata.deletionTimestamp ? 'Terminating' : str(dig(o, 'status', 'phase')))],
  [
    col('Claim'),
    (o) => {
      const claim = dig(o, 'spec', 'claimRef');
      return claim ? `${str(dig(claim, 'namespace'))}/${str(dig(claim, 'name'))}` : '';
    },
  ],
  STORAGE_CLASS,
  VOLUME_ATTRIBUTES_CLASS,
  at('Reason', ['status', 'reason']),
  AGE_FIELD,
  VOLUME_MODE,
);

/** printStorageClass: the default class's name carries " (default)". */
export const storageClassPrinter: Printer = printer(
  [
    NAME_COLUMN,
    (o) => {
      const annotations = o.metadata.annotations ?? {};
      const isDefault =
        annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
        annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
      return `${o.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`;
    },
  ],
  at('Provisioner', ['provisioner']),
  at('ReclaimPolicy', ['reclaimPolicy'], 'Delete'),
  at('VolumeBindingMode', ['volumeBindingMode'], 'Immediate'),
  [col('AllowVolumeExpansion'), (o) => o.allowVolumeExpansion === true],
  AGE_FIELD,
);

function eventSource(o: KubeObject): string {
  const component = str(dig(o, 'source', 'component')) || str(o.reportingComponent);
  const host = str(dig(o, 'source', 'host')) || str(o.reportingInstance);
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string'),
    col('Type', 'string'),
    col('Reason', 'string'),
    col('Object', 'string'),
    col('Subobject', 'string', 1),
    col('Source', 'string', 1),
    col('Message', 'string'),
    col('First Seen', 'string', 1),
    col('Count', 'string', 1),
    col('Name', 'string', 1),
  ],
  row: (o, now) => {
    const first = since(o.firstTimestamp ?? o.eventTime, now);
    const last = o.lastTimestamp ? since(o.lastTimestamp, now) : first;
    const kind = str(dig(o, 'involvedObject', 'kind')).toLowerCase();
    const name = str(dig(o, 'involvedObject', 'name'));
    return [
      last,
      str(o.type),
      str(o.reason),
      name ? `${kind}/${name}` : kind,
      str(dig(o, 'involvedObject', 'fieldPath')),
      eventSource(o),
      str(o.message).trim(),
      first,
      num(o.count) || 1,
      o.metadata.name ?? '',
    ];
  },
};

function nodeStatus(o: KubeObject): string {
  const ready = arr(dig(o, 'status', 'conditions')).find((c) => dig(c, 'type') === 'Ready');
  const s = dig(ready, 'status') === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  return dig(o, 'spec', 'unschedulable') === true ? `${s},SchedulingDisabled` : s;
}

function nodeAddress(o: KubeObject, type: string): string {
  return str(
    dig(
      arr(dig(o, 'status', 'addresses')).find((a) => dig(a, 'type') === type),
      'address',
    ),
    '<none>',
  );
}

export const nodePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status'),
    col('Roles'),
    AGE_COLUMN,
    col('Version'),
    col('Internal-IP', 'string', 1),
    col('External-IP', 'string', 1),
    col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1),
    col('Container-Runtime', 'string', 1),
  ],
  row: (o, now) => {
    const roles = Object.keys(o.metadata.labels ?? {})
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .sort();
    const info = (k: string): string => str(dig(o, 'status', 'nodeInfo', k), '<unknown>');
    return [
      o.metadata.name ?? '',
      nodeStatus(o),
      roles.length ? roles.join(',') : '<none>',
      since(o.metadata.creationTimestamp, now),
      info('kubeletVersion'),
      nodeAddress(o, 'InternalIP'),
      nodeAddress(o, 'ExternalIP'),
      info('osImage'),
      info('kernelVersion'),
      info('containerRuntimeVersion'),
    ];
  },
};

const createdAt = col(
  'Created At',
  'date',
  0,
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);
export const createdAtPrinter: Printer = {
  columns: [NAME_COLUMN, createdAt],
  row: (o) => [o.metadata.name ?? '', str(o.metadata.creationTimestamp)],
};

export const bindingPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Role'),
    AGE_COLUMN,
    col('Users', 'string', 1),
    col('Groups', 'string', 1),
    col('ServiceAccounts', 'string', 1),
  ],
  row: (o, now) => {
    const subjects = arr(o.subjects);
    const of = (kind: string): string =>
      subjects
        .filter((s) => dig(s, 'kind') === kind)
        .map((s) =>
          kind === 'ServiceAccount'
            ? `${str(dig(s, 'namespace'))}:${str(dig(s, 'name'))}`
            : str(dig(s, 'name')),
        )
        .join(', ');
    return [
      o.metadata.name ?? '',
      `${str(dig(o, 'roleRef', 'kind'))}/${str(dig(o, 'roleRef', 'name'))}`,
      since(o.metadata.creationTimestamp, now),
      of('User'),
      of('Group'),
      of('ServiceAccount'),
    ];
  },
};
