import type { KubeObject } from '../../core/types.js';
import type { CustomResourceDefinition } from '../../validation/index.js';
import { apiVersionOf, type ResourceType } from '../resources/resource-type.js';
import { AGE_COLUMN, NAME_COLUMN, col, type Cell, type Printer } from './column.js';
import {
  bindingPrinter,
  configMapPrinter,
  createdAtPrinter,
  eventPrinter,
  namespacePrinter,
  nodePrinter,
  persistentVolumePrinter,
  pvcPrinter,
  secretPrinter,
  storageClassPrinter,
  serviceAccountPrinter,
  servicePrinter,
} from './core-printers.js';
import { since } from './duration.js';
import { CLUSTER_OPERATOR_CRD, clusterOperatorMessage, MESSAGE_COLUMN } from './clusteroperator-message.js';
import { jsonPathValues } from './jsonpath.js';
import { podPrinter } from './pod-printer.js';
import { OPENSHIFT_PRINTERS } from '../openshift/index.js';
import { leasePrinter, networkPolicyPrinter, pdbPrinter } from './policy-printers.js';
import {
  cronJobPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  jobPrinter,
  replicaSetPrinter,
  statefulSetPrinter,
} from './workload-printers.js';

const BUILTIN: Record<string, Printer> = {
  '/pods': podPrinter,
  '/services': servicePrinter,
  '/secrets': secretPrinter,
  '/configmaps': configMapPrinter,
  '/events': eventPrinter,
  '/namespaces': namespacePrinter,
  '/nodes': nodePrinter,
  '/serviceaccounts': serviceAccountPrinter,
  '/persistentvolumeclaims': pvcPrinter,
  '/persistentvolumes': persistentVolumePrinter,
  'storage.k8s.io/storageclasses': storageClassPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'batch/jobs': jobPrinter,
  'batch/cronjobs': cronJobPrinter,
  'policy/poddisruptionbudgets': pdbPrinter,
  'networking.k8s.io/networkpolicies': networkPolicyPrinter,
  'coordination.k8s.io/leases': leasePrinter,
  'rbac.authorization.k8s.io/clusterrolebindings': bindingPrinter,
  'rbac.authorization.k8s.io/rolebindings': bindingPrinter,
  ...OPENSHIFT_PRINTERS,
};

/** A CRD's additionalPrinterColumns (cells typed as the apiextensions table convertor does). */
function crdPrinter(crd: CustomResourceDefinition, version: string): Printer {
  const v = crd.spec.versions.find((x) => x.name === version);
  const defs = v?.additionalPrinterColumns ?? [];
  if (defs.length === 0)
    return {
      columns: [NAME_COLUMN, AGE_COLUMN],
      row: (o, now) => [o.metadata.name ?? '', since(o.metadata.creationTimestamp, now)],
    };
  return {
    columns: [
      NAME_COLUMN,
      ...defs.map((d) => col(d.name, d.type, d.priority ?? 0, d.description ?? '', d.format ?? '')),
    ],
    row: (o, now) => [
      o.metadata.name ?? '',
      ...defs.map((d): Cell => {
        const value = jsonPathValues(o, d.jsonPath)[0];
        if (value === undefined || value === null) return null;
        switch (d.type) {
          case 'date':
            return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? since(value, now) : null;
          case 'integer':
          case 'number':
            return typeof value === 'number' ? value : null;
          case 'boolean':
            return typeof value === 'boolean' ? value : null;
          default:
            return typeof value === 'object' ? JSON.stringify(value) : String(value);
        }
      }),
    ],
  };
}

/** OpenShift's kube-apiserver appends the ClusterOperator Message column to the CRD's own. */
function withClusterOperatorMessage(printer: Printer): Printer {
  return {
    columns: [...printer.columns, MESSAGE_COLUMN],
    row: (o, now) => [...printer.row(o, now), clusterOperatorMessage(o)],
  };
}

export function printerFor(type: ResourceType): Printer {
  if (type.crd) {
    const printer = crdPrinter(type.crd, type.version);
    return type.crd.metadata.name === CLUSTER_OPERATOR_CRD ? withClusterOperatorMessage(printer) : printer;
  }
  // Everything else gets kube's default table convertor: Name + Created At.
  return BUILTIN[`${type.group}/${type.resource}`] ?? createdAtPrinter;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

function partialMetadata(type: ResourceType, o: KubeObject): KubeObject {
  void type;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

/** meta.k8s.io/v1 Table of objects: what `kubectl get` asks for with `Accept: ...;as=Table`. */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  opts: {
    includeObject: IncludeObject;
    noHeaders?: boolean;
    resourceVersion?: string;
    continue?: string;
    now: Date;
  },
): KubeObject {
  const printer = printerFor(type);
  const rows = objects.map((o) => {
    const row: Record<string, unknown> = { cells: printer.row(o, opts.now) };
    if (opts.includeObject === 'Object')
      row.object = { ...o, apiVersion: apiVersionOf(type), kind: type.kind };
    else if (opts.includeObject === 'Metadata') row.object = partialMetadata(type, o);
    return row;
  });
  const metadata: Record<string, unknown> = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: opts.noHeaders ? [] : printer.columns,
    rows,
  } as unknown as KubeObject;
}
