import type { KubeObject } from '../../core/types.js';
import { formatSelectorObject, type LabelSelectorObject } from '../selectors/labels.js';
import { since } from './duration.js';
import {
  AGE_COLUMN,
  NAME_COLUMN,
  arr,
  col,
  dig,
  formatLabels,
  num,
  str,
  type Cell,
  type Printer,
} from './column.js';

function containersAndImages(podSpec: unknown): [string, string] {
  const cs = arr(dig(podSpec, 'containers'));
  return [cs.map((c) => str(dig(c, 'name'))).join(','), cs.map((c) => str(dig(c, 'image'))).join(',')];
}

function selector(o: KubeObject): string {
  const sel = dig(o, 'spec', 'selector') as LabelSelectorObject | undefined;
  if (!sel) return '<none>';
  const s = formatSelectorObject(sel);
  return s === '' ? '<none>' : s;
}

const WIDE = [
  col('Containers', 'string', 1, 'Names of each container in the template.'),
  col('Images', 'string', 1, 'Images referenced by each container in the template.'),
  col('Selector', 'string', 1, 'Label selector for pods.'),
];

function wide(o: KubeObject, podSpec: unknown): Cell[] {
  return [...containersAndImages(podSpec), selector(o)];
}

export const deploymentPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 0, 'Number of the pod with ready state'),
    col(
      'Up-to-date',
      'string',
      0,
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    ),
    col(
      'Available',
      'string',
      0,
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    AGE_COLUMN,
    ...WIDE,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    `${num(dig(o, 'status', 'readyReplicas'))}/${num(dig(o, 'spec', 'replicas'))}`,
    num(dig(o, 'status', 'updatedReplicas')),
    num(dig(o, 'status', 'availableReplicas')),
    since(o.metadata.creationTimestamp, now),
    ...wide(o, dig(o, 'spec', 'template', 'spec')),
  ],
};

export const replicaSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer', 0, 'Number of desired pods.'),
    col('Current', 'integer', 0, 'Number of actual replicas.'),
    col('Ready', 'integer', 0, 'Number of ready replicas.'),
    AGE_COLUMN,
    ...WIDE,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    num(dig(o, 'spec', 'replicas')),
    num(dig(o, 'status', 'replicas')),
    num(dig(o, 'status', 'readyReplicas')),
    since(o.metadata.creationTimestamp, now),
    ...wide(o, dig(o, 'spec', 'template', 'spec')),
  ],
};

export const daemonSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'integer'),
    col('Current', 'integer'),
    col('Ready', 'integer'),
    col('Up-to-date', 'integer'),
    col('Available', 'integer'),
    col('Node Selector', 'string'),
    AGE_COLUMN,
    ...WIDE,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    num(dig(o, 'status', 'desiredNumberScheduled')),
    num(dig(o, 'status', 'currentNumberScheduled')),
    num(dig(o, 'status', 'numberReady')),
    num(dig(o, 'status', 'updatedNumberScheduled')),
    num(dig(o, 'status', 'numberAvailable')),
    formatLabels(dig(o, 'spec', 'template', 'spec', 'nodeSelector')),
    since(o.metadata.creationTimestamp, now),
    ...wide(o, dig(o, 'spec', 'template', 'spec')),
  ],
};

export const statefulSetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 0, 'Number of the pod with ready state'),
    AGE_COLUMN,
    WIDE[0]!,
    WIDE[1]!,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    `${num(dig(o, 'status', 'readyReplicas'))}/${num(dig(o, 'spec', 'replicas'))}`,
    since(o.metadata.creationTimestamp, now),
    ...containersAndImages(dig(o, 'spec', 'template', 'spec')),
  ],
};

function jobStatus(o: KubeObject): string {
  const conds = arr(dig(o, 'status', 'conditions'));
  const isTrue = (t: string): boolean =>
    conds.some((c) => dig(c, 'type') === t && dig(c, 'status') === 'True');
  if (isTrue('Complete')) return 'Complete';
  if (isTrue('Failed')) return 'Failed';
  if (isTrue('FailureTarget')) return 'FailureTarget';
  if (isTrue('Suspended')) return 'Suspended';
  return 'Running';
}

export const jobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 0, 'Status of the job.'),
    col('Completions', 'string', 0, 'The completion status of the job.'),
    col('Duration', 'string', 0, 'Time required to complete the job.'),
    AGE_COLUMN,
    ...WIDE,
  ],
  row: (o, now) => {
    const start = str(dig(o, 'status', 'startTime'));
    const end = str(dig(o, 'status', 'completionTime'));
    const duration = start ? since(start, end ? new Date(end) : now) : '';
    const completions = dig(o, 'spec', 'completions');
    const done = num(dig(o, 'status', 'succeeded'));
    return [
      o.metadata.name ?? '',
      jobStatus(o),
      typeof completions === 'number'
        ? `${done}/${completions}`
        : `${done}/1 of ${num(dig(o, 'spec', 'parallelism'))}`,
      duration,
      since(o.metadata.creationTimestamp, now),
      ...wide(o, dig(o, 'spec', 'template', 'spec')),
    ];
  },
};

export const cronJobPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Schedule', 'string'),
    col('Timezone', 'string'),
    col('Suspend', 'boolean'),
    col('Active', 'integer'),
    col('Last Schedule', 'string'),
    AGE_COLUMN,
    ...WIDE,
  ],
  row: (o, now) => {
    const last = dig(o, 'status', 'lastScheduleTime');
    return [
      o.metadata.name ?? '',
      str(dig(o, 'spec', 'schedule')),
      str(dig(o, 'spec', 'timeZone'), '<none>'),
      dig(o, 'spec', 'suspend') === true ? 'True' : 'False',
      arr(dig(o, 'status', 'active')).length,
      last ? since(last, now) : '<none>',
      since(o.metadata.creationTimestamp, now),
      ...containersAndImages(dig(o, 'spec', 'jobTemplate', 'spec', 'template', 'spec')),
      formatLabels(dig(o, 'spec', 'jobTemplate', 'spec', 'selector', 'matchLabels')),
    ];
  },
};
