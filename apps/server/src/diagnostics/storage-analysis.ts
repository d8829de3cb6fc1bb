/**
 * What is wrong with the storage NOW, read from every place that reports it: the Config's
 * StorageExists and Progressing=Error messages, the operator's current "unable to sync" lines,
 * the registry's recent error lines and the last words of a crashing registry container.
 *
 * StorageExists alone is not trusted (operator-facts.md): the operator re-runs the storage
 * driver only when spec.storage differs from status.storage, so a failed change that was undone
 * leaves StorageExists False/Unknown on a healthy registry. That case is reported as stale
 * (information), not as a storage fault.
 */
import { RegistryNames, type DiagnosticLink, type Finding } from '@irc/shared';
import { isDeepStrictEqual } from 'node:util';
import { conditionLine } from './step.js';
import type { Facts } from './context.js';
import { causeFinding, finding } from './findings.js';
import { ref } from './objects.js';
import { classifySyncErrors } from './sync-errors.js';
import { registryErrors } from './log-tail.js';
import { storageCause, type StorageCause } from './texts/storage-errors.js';

/**
 * When several texts name causes, the one that explains the others: a bucket that is gone
 * explains the AccessDenied of the operator trying to create it; credentials and the network come
 * before anything the bucket says.
 */
const PRIORITY: string[] = [
  'storage-credentials-key-missing',
  'storage-credentials-missing',
  'storage-credentials-invalid',
  'storage-clock-skew',
  'storage-proxy-unreachable',
  'storage-proxy-no-bypass',
  'storage-endpoint-unreachable',
  'storage-bucket-wrong-region',
  'storage-bucket-missing',
  'storage-access-denied',
];

/** Registry error lines older than this are history (the health check logs every 10 s). */
const RECENT_MS = 5 * 60_000;

interface SourcedText {
  /** Shown as evidence: where it was read, then the text. */
  line: string;
  text: string;
  from: 'registry' | 'operator';
  node?: string;
  link?: DiagnosticLink;
}

export interface StorageDiagnosis {
  /** The cause, as a finding of the storage step (severity failing). */
  cause?: Finding;
  /** The classified cause itself, for symptoms elsewhere (crash loops, unready pods). */
  storageCause?: StorageCause;
  /** StorageExists left over from an earlier failed change. */
  stale?: Finding;
}

function nodeOf(f: Facts, pod: string): string | undefined {
  return f.g.registryPods.ok
    ? f.g.registryPods.value.find((p) => p.metadata?.name === pod)?.spec?.nodeName
    : undefined;
}

function logLink(pod: string, container: string, previous = false): DiagnosticLink {
  return {
    label: previous ? `previous log ${pod}` : `log ${pod}`,
    kind: 'log',
    object: ref.pod(pod),
    container,
    ...(previous ? { previous: true } : {}),
  };
}

/** spec.storage.<backend> is what status.storage.<backend> applied (fields the operator adds aside). */
function specApplied(f: Facts): boolean {
  if (!f.backend || !f.g.config.ok) return false;
  const spec =
    ((f.spec.storage ?? {}) as Record<string, Record<string, unknown> | undefined>)[f.backend] ?? {};
  const status = (
    f.g.config.value.status as { storage?: Record<string, Record<string, unknown> | undefined> } | undefined
  )?.storage?.[f.backend];
  if (!status) return false;
  return Object.entries(spec).every(([k, v]) => isDeepStrictEqual(status[k], v));
}

function currentSyncErrors(f: Facts): SourcedText[] {
  return f.g.operatorLogs.flatMap((log) =>
    log.ok
      ? classifySyncErrors(f.g.config, log.lines).current.map((l) => ({
          line: `operator log: ${l.text}`,
          text: l.text,
          from: 'operator' as const,
          link: logLink(log.pod, log.container),
        }))
      : [],
  );
}

function sources(f: Facts, stale: boolean): SourcedText[] {
  const out: SourcedText[] = [];
  const exists = f.condition('StorageExists');
  if (exists && exists.status !== 'True' && !stale)
    out.push({
      line: `Config ${conditionLine(exists)}`,
      text: `${exists.reason} ${exists.message ?? ''}`,
      from: 'operator',
    });
  const progressing = f.condition('Progressing');
  if (progressing?.status === 'True' && progressing.reason === 'Error')
    out.push({
      line: `Config ${conditionLine(progressing)}`,
      text: progressing.message ?? '',
      from: 'operator',
    });
  out.push(...currentSyncErrors(f));
  for (const log of f.g.registryLogs) {
    if (!log.ok) continue;
    const recent = registryErrors(log.lines).filter((l) => l.at === undefined || f.now - l.at < RECENT_MS);
    for (const l of recent.slice(-3))
      out.push({
        line: `pod ${log.pod} log: ${l.text}`,
        text: l.text,
        from: 'registry',
        node: nodeOf(f, log.pod),
        link: logLink(log.pod, log.container),
      });
  }
  for (const log of f.g.previousLogs) {
    if (!log.ok || log.container !== RegistryNames.registryContainer) continue;
    for (const l of log.lines.slice(-3))
      out.push({
        line: `pod ${log.pod} previous log: ${l.text}`,
        text: l.text,
        from: 'registry',
        node: nodeOf(f, log.pod),
        link: logLink(log.pod, log.container, true),
      });
  }
  return out;
}

export function analyzeStorage(f: Facts): StorageDiagnosis {
  const exists = f.condition('StorageExists');
  const progressing = f.condition('Progressing');
  const available = f.condition('Available');
  const syncing = currentSyncErrors(f).length > 0;
  const stale =
    !!exists &&
    exists.status !== 'True' &&
    specApplied(f) &&
    !(progressing?.status === 'True' && progressing.reason === 'Error') &&
    available?.status === 'True' &&
    !syncing;
  const out: StorageDiagnosis = {};
  if (stale && exists) {
    out.stale = finding({
      code: 'storage-condition-stale',
      severity: 'info',
      summary: `StorageExists=${exists.status} (${exists.reason}) is left over from an earlier change; the storage in use works`,
      object: ref.config(),
      field: 'status.conditions[StorageExists]',
      evidence: [
        `Config ${conditionLine(exists)}`,
        'spec.storage matches status.storage (the storage that last applied), Progressing is not Error, Available=True, no current "unable to sync" line',
      ],
      nextStep:
        'Nothing to fix: the operator re-checks storage only when spec.storage changes, so this condition keeps the result of a failed attempt that was undone.',
      command: 'oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath="{.status.storage}"',
    });
  }
  const found = sources(f, stale).flatMap((s) => {
    const cause = storageCause(s.text, f.storageContext(s.from, s.node));
    return cause ? [{ s, cause }] : [];
  });
  const chosen = found
    .map((x) => x.cause)
    .sort((x, y) => PRIORITY.indexOf(x.code) - PRIORITY.indexOf(y.code))[0];
  if (chosen) {
    // every storage error line is evidence, the chosen cause's first
    const ordered = [
      ...found.filter((x) => x.cause.code === chosen.code),
      ...found.filter((x) => x.cause.code !== chosen.code),
    ];
    const links: DiagnosticLink[] = [];
    for (const { s } of ordered)
      if (s.link && !links.some((l) => l.label === s.link?.label)) links.push(s.link);
    out.storageCause = chosen;
    out.cause = causeFinding(chosen, 'failing', ordered.map((x) => x.s.line).slice(0, 6), links.slice(0, 4));
  }
  return out;
}
