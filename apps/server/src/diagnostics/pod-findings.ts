/**
 * What is wrong with pods right now, from their container states (kubelet reasons), their events
 * and — for a crash loop — the last lines the previous container wrote. Restarts that are over
 * (the container runs and is ready again) are history and not reported.
 */
import type { DiagnosticLink, Finding } from '@irc/shared';
import type { CoreV1Event, V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { NS, toIso } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding } from './findings.js';
import { eventsAbout, ref } from './objects.js';
import { lastLines } from './step.js';
import type { StorageCause } from './texts/storage-errors.js';

const STARTING_MS = 60_000;
const PULL = /^(ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull)$/;

function eventsOf(f: Facts, pod: string): CoreV1Event[] {
  return eventsAbout(f.g.events, 'Pod', pod);
}

function logLink(pod: string, container: string, previous = false): DiagnosticLink {
  return {
    label: `${previous ? 'previous log' : 'log'} ${pod}`,
    kind: 'log',
    object: ref.pod(pod),
    container,
    ...(previous ? { previous: true } : {}),
  };
}

function pullFinding(f: Facts, pod: V1Pod, s: V1ContainerStatus): Finding {
  const name = pod.metadata?.name ?? '';
  const failed = eventsOf(f, name).find((e) => /^Failed to pull image/.test(e.message ?? ''));
  const text = `${s.state?.waiting?.message ?? ''} ${failed?.message ?? ''}`;
  const image = s.image || pod.spec?.containers.find((c) => c.name === s.name)?.image || '';
  const auth = /unauthorized|authentication required|denied|401|403/i.test(text);
  const missing = /manifest unknown|not found|does not exist|name unknown/i.test(text);
  const network = /dial tcp|i\/o timeout|no such host|connection refused|TLS handshake|x509/i.test(text);
  return finding({
    code: 'image-pull',
    severity: 'failing',
    summary: auth
      ? `The node is not allowed to pull ${image}: the pull secret is missing or rejected`
      : missing
        ? `Image ${image} does not exist in its registry`
        : network
          ? `The node cannot reach the registry of ${image}`
          : `The node cannot pull ${image}`,
    object: ref.pod(name),
    field: `spec.containers[${s.name}].image`,
    evidence: [
      `pod ${name} container ${s.name}: ${s.state?.waiting?.reason}${s.state?.waiting?.message ? ` — ${s.state.waiting.message}` : ''}`,
      ...(failed ? [`event ${failed.reason}: ${failed.message}`] : []),
    ],
    nextStep: auth
      ? 'Check the cluster pull secret (openshift-config/pull-secret) has credentials for that registry.'
      : missing
        ? 'The image reference is wrong: the operator sets it from its release (IMAGE env); on a disconnected cluster check the mirror (ImageContentSourcePolicy / ImageDigestMirrorSet).'
        : 'Check that the nodes can reach the registry (egress, proxy, DNS) or that a mirror is configured.',
    command: `oc describe pod ${name} -n ${NS}`,
    ...(auth
      ? { fix: { section: 'pull-secret' as const, field: 'auths', label: 'Check the pull secret' } }
      : {}),
  });
}

function crashFinding(
  f: Facts,
  pod: V1Pod,
  s: V1ContainerStatus,
  cause: StorageCause | undefined,
): Finding[] {
  const name = pod.metadata?.name ?? '';
  const last = s.lastState?.terminated;
  const previous = f.g.previousLogs.find((l) => l.pod === name && l.container === s.name);
  const lines = previous?.ok
    ? lastLines(
        previous.lines.map((l) => l.text),
        5,
      )
    : [];
  const out: Finding[] = [
    finding({
      code: 'crash-loop',
      severity: 'failing',
      summary: cause
        ? `${s.name} exits at start: ${cause.summary}`
        : `Container ${s.name} of pod ${name} keeps crashing${last?.exitCode !== undefined ? ` (exit code ${last.exitCode})` : ''}`,
      object: cause?.object ?? ref.pod(name),
      field: cause?.field ?? `status.containerStatuses[${s.name}].lastState`,
      evidence: [
        `pod ${name} container ${s.name}: CrashLoopBackOff, ${s.restartCount ?? 0} restarts${last ? `, last exit code ${last.exitCode}${last.reason ? ` (${last.reason})` : ''}${last.finishedAt ? ` at ${toIso(last.finishedAt)}` : ''}` : ''}`,
        ...lines.map((l) => `previous container: ${l}`),
      ],
      nextStep: cause
        ? cause.nextStep
        : "Read the previous container's last lines: they say why it exited (configuration, storage driver, permissions).",
      command: `oc logs ${name} -c ${s.name} -n ${NS} --previous`,
      ...(cause?.fix ? { fix: cause.fix } : {}),
      links: [logLink(name, s.name, true)],
    }),
  ];
  if (previous && !previous.ok)
    out.push(
      cannotRead(
        `the previous log of ${name}/${s.name}`,
        { ok: false, error: previous.error },
        ref.pod(name),
        `oc logs ${name} -c ${s.name} -n ${NS} --previous`,
      ),
    );
  return out;
}

function notReadyFinding(
  f: Facts,
  pod: V1Pod,
  s: V1ContainerStatus,
  cause: StorageCause | undefined,
): Finding {
  const name = pod.metadata?.name ?? '';
  const unhealthy = eventsOf(f, name).find((e) => e.reason === 'Unhealthy');
  return finding({
    code: 'pods-not-ready',
    severity: 'failing',
    summary: cause
      ? `Pod ${name} is not ready: /healthz fails because ${cause.summary.charAt(0).toLowerCase()}${cause.summary.slice(1)}`
      : `Pod ${name} runs but is not ready`,
    object: cause?.object ?? ref.pod(name),
    field: cause?.field ?? `status.containerStatuses[${s.name}].ready`,
    evidence: [
      `pod ${name} container ${s.name}: running, not ready`,
      ...(unhealthy ? [`event Unhealthy: ${unhealthy.message}`] : []),
    ],
    nextStep: cause
      ? cause.nextStep
      : "The readiness probe fails: the registry checks its storage in /healthz, so read the pod's log for storage driver errors.",
    command: `oc describe pod ${name} -n ${NS}; oc logs ${name} -c ${s.name} -n ${NS}`,
    ...(cause?.fix ? { fix: cause.fix } : {}),
    links: [logLink(name, s.name)],
  });
}

/** Not ready for under a minute, no failed probe and no known cause yet: still starting. */
function starting(f: Facts, pod: V1Pod, s: V1ContainerStatus, cause: StorageCause | undefined): boolean {
  if (cause) return false;
  const started = Date.parse(toIso(s.state?.running?.startedAt) ?? '');
  const unhealthy = eventsOf(f, pod.metadata?.name ?? '').some((e) => e.reason === 'Unhealthy');
  return !unhealthy && (Number.isNaN(started) || f.now - started < STARTING_MS);
}

/** Findings for the current state of these pods' containers (one per cause kind and pod). */
export function podFindings(f: Facts, pods: V1Pod[], cause?: StorageCause): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const once = (key: string, make: () => Finding | Finding[]) => {
    if (seen.has(key)) return;
    seen.add(key);
    const made = make();
    out.push(...(Array.isArray(made) ? made : [made]));
  };
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    for (const s of pod.status?.containerStatuses ?? []) {
      const waiting = s.state?.waiting;
      if (waiting?.reason && PULL.test(waiting.reason)) once(`pull:${s.image}`, () => pullFinding(f, pod, s));
      else if (waiting?.reason === 'CrashLoopBackOff')
        once(`crash:${pod.metadata?.name}`, () => crashFinding(f, pod, s, cause));
      else if (waiting?.reason === 'CreateContainerConfigError' || waiting?.reason === 'CreateContainerError')
        once(`config:${waiting.message}`, () =>
          finding({
            code: 'container-config-error',
            severity: 'failing',
            summary: `The kubelet cannot start ${s.name}: ${waiting.message ?? waiting.reason}`,
            object: ref.pod(pod.metadata?.name ?? ''),
            field: `spec.containers[${s.name}]`,
            evidence: [
              `pod ${pod.metadata?.name} container ${s.name}: ${waiting.reason} — ${waiting.message ?? ''}`,
            ],
            nextStep:
              'A secret or config map the pod mounts or reads is missing: the operator creates them; see the operator step.',
            command: `oc describe pod ${pod.metadata?.name} -n ${NS}`,
          }),
        );
      else if (s.state?.running && !s.ready && pod.status?.phase === 'Running' && !starting(f, pod, s, cause))
        once(`ready:${pod.metadata?.name}`, () => notReadyFinding(f, pod, s, cause));
    }
  }
  return out;
}
