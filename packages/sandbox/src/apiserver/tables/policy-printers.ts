/** `kubectl get pdb` / `kubectl get netpol` / `kubectl get lease` columns (kubernetes pkg/printers/internalversion). */
import { formatSelectorObject, type LabelSelectorObject } from '../selectors/labels.js';
import { since } from './duration.js';
import { AGE_COLUMN, NAME_COLUMN, col, dig, num, type Printer } from './column.js';

/** An IntOrString bound, or N/A when unset. */
const bound = (v: unknown): string => (v === undefined || v === null ? 'N/A' : String(v));

export const pdbPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Min Available', 'string', 0, 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 0, 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 0, 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    bound(dig(o, 'spec', 'minAvailable')),
    bound(dig(o, 'spec', 'maxUnavailable')),
    num(dig(o, 'status', 'disruptionsAllowed')),
    since(o.metadata.creationTimestamp, now),
  ],
};

export const networkPolicyPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Pod-Selector', 'string', 0, 'Selects the pods to which this NetworkPolicy object applies.'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    formatSelectorObject((dig(o, 'spec', 'podSelector') ?? {}) as LabelSelectorObject) || '<none>',
    since(o.metadata.creationTimestamp, now),
  ],
};

export const leasePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Holder', 'string', 0, 'holderIdentity contains the identity of the holder of a current lease.'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.name ?? '',
    typeof dig(o, 'spec', 'holderIdentity') === 'string' ? (dig(o, 'spec', 'holderIdentity') as string) : '',
    since(o.metadata.creationTimestamp, now),
  ],
};
