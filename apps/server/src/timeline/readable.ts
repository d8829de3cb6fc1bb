/**
 * Which timeline entries a caller may read: conditions and events with their stream kind,
 * a console change only with the object it is about.
 */
import { Kinds, type TimelineEntry } from '@irc/shared';
import type { AccessQuestion } from '../access/access-review.js';

/** The kinds a console change can be about whose API resource the read check below asks for. */
const CHANGED_OBJECT_KINDS = new Map(
  [Kinds.Config, Kinds.Image, Kinds.Secret, Kinds.ConfigMap].map((k) => [k.kind, k]),
);

/**
 * What a caller must be allowed beyond the entry's stream kind ({@link entryKind}) to see it:
 * a console change is ABOUT an object — "added the credentials for registry.example:5000" says
 * what the pull secret holds — so only a caller who may `get` that object sees the entry.
 * Conditions and events are readable with their kind. A kind not in the table is asked about
 * by its lower-case plural, which only a wildcard rule (cluster-admin) allows: fail closed.
 */
export function entryReadAccess(entry: TimelineEntry): AccessQuestion | undefined {
  if (entry.type !== 'change') return undefined;
  const { kind, name, namespace } = entry.object;
  const api = CHANGED_OBJECT_KINDS.get(kind) ?? { group: '', resource: `${kind.toLowerCase()}s` };
  return { verb: 'get', group: api.group, resource: api.resource, name, ...(namespace ? { namespace } : {}) };
}

/**
 * The entries among `entries` the caller may read ({@link entryReadAccess}), in order. `may`
 * is asked once per distinct object; a question that cannot be answered hides its entries.
 */
export async function readableEntries(
  entries: readonly TimelineEntry[],
  may: (question: AccessQuestion) => Promise<boolean>,
): Promise<TimelineEntry[]> {
  const answers = new Map<string, Promise<boolean>>();
  const allowed = (entry: TimelineEntry): Promise<boolean> => {
    const question = entryReadAccess(entry);
    if (!question) return Promise.resolve(true);
    const key = JSON.stringify(question);
    let answer = answers.get(key);
    if (!answer) {
      answer = may(question).catch(() => false);
      answers.set(key, answer);
    }
    return answer;
  };
  const verdicts = await Promise.all(entries.map(allowed));
  return entries.filter((_, i) => verdicts[i]);
}

/**
 * One stream client's delivery of hub messages, in order: a timeline entry about an object
 * ({@link entryReadAccess}) waits for the caller's answer (cached by the access review cache)
 * and is dropped on a no; whatever follows it waits its turn, so the order is kept.
 */
export class ReadableEntryGate {
  private chain: Promise<void> | undefined;

  constructor(
    private readonly may: (question: AccessQuestion) => Promise<boolean>,
    private readonly send: (frame: Buffer) => void,
  ) {}

  deliver(frame: Buffer, entry?: TimelineEntry): void {
    const question = entry ? entryReadAccess(entry) : undefined;
    if (!question && !this.chain) return this.send(frame);
    const step = (this.chain ?? Promise.resolve()).then(async () => {
      if (!question || (await this.may(question).catch(() => false))) this.send(frame);
    });
    this.chain = step;
    void step.finally(() => {
      if (this.chain === step) this.chain = undefined;
    });
  }
}
