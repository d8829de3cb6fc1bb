/** Checklist items 6–8: storage credentials and claim, routes, events. */
import {
  CREDENTIAL_KEYS,
  RegistryNames,
  configuredBackends,
  type ConfigSpec,
  type DiagnosticStep,
  type Verdict,
} from '@irc/shared';
import { specOf } from '../config/read-config.js';
import { NS, toIso } from '../kube/resources.js';
import type { Gathered } from './gather.js';
import { cannotRead, step } from './step.js';

const SECRET_OBJECT = {
  kind: 'Secret',
  name: RegistryNames.userCredentialsSecret,
  namespace: NS,
  apiVersion: 'v1',
};

export function storageStep(g: Gathered): DiagnosticStep {
  const base = {
    id: 'storage-credentials' as const,
    title: 'Storage credentials and claim',
    command: `oc get secret ${RegistryNames.userCredentialsSecret} installer-cloud-credentials -n ${NS}; oc get pvc -n ${NS}`,
    links: [{ label: 'User credentials secret', kind: 'object' as const, object: SECRET_OBJECT }],
  };
  if (!g.config.ok)
    return step({
      ...base,
      verdict: 'warning',
      evidence: ['cannot read the configuration'],
      nextStep: 'See the configuration step.',
    });
  const spec = specOf(g.config.value);
  const backend = configuredBackends(spec.storage)[0];
  const replicas = spec.replicas ?? 1;
  if (!backend)
    return step({
      ...base,
      verdict: 'warning',
      evidence: ['no storage backend in spec: the operator picks the platform default'],
      nextStep: 'Choose a storage backend in the Storage section.',
    });
  if (backend === 'emptyDir') {
    return step({
      ...base,
      verdict: replicas > 1 ? 'warning' : 'ok',
      evidence: [
        'emptyDir: ephemeral, per pod',
        ...(replicas > 1 ? [`${replicas} replicas serve different content`] : []),
      ],
      nextStep: 'emptyDir loses images on every restart: use object storage or a PVC in production.',
    });
  }
  if (backend === 'pvc') return claimStep(g, base, spec, replicas);
  const keys = (CREDENTIAL_KEYS as Record<string, readonly string[]>)[backend] ?? [];
  if (!g.userSecret.ok && g.userSecret.error.statusCode !== 404) {
    return step({
      ...base,
      verdict: 'warning',
      evidence: [cannotRead('the credentials secret', g.userSecret) ?? ''],
      nextStep: 'Ask an administrator to check the credentials secret.',
    });
  }
  const present = new Set(Object.keys(g.userSecret.ok ? (g.userSecret.value.data ?? {}) : {}));
  if (g.userSecret.ok) {
    const missing = keys.filter((k) => !present.has(k));
    if (missing.length > 0 && backend === 's3') {
      return step({
        ...base,
        verdict: 'failing',
        evidence: missing.map(
          (k) => `secret "${NS}/${RegistryNames.userCredentialsSecret}" does not contain required key "${k}"`,
        ),
        nextStep:
          'Set both S3 keys in the Storage credentials form (or delete the secret to fall back to cloud credentials).',
      });
    }
    return step({
      ...base,
      verdict: 'ok',
      evidence: [
        `${RegistryNames.userCredentialsSecret}: ${keys.filter((k) => present.has(k)).join(', ') || 'no keys for ' + backend}`,
      ],
      nextStep: 'Nothing to do; bad keys show up as StorageExists=False on the configuration.',
    });
  }
  const cloud = g.cloudSecret.ok;
  const verdict: Verdict = cloud || backend !== 's3' ? 'ok' : 'failing';
  return step({
    ...base,
    verdict,
    evidence: [
      `no ${RegistryNames.userCredentialsSecret}`,
      cloud
        ? 'installer-cloud-credentials present (cloud-minted credentials)'
        : 'installer-cloud-credentials absent',
    ],
    nextStep:
      verdict === 'ok'
        ? 'Nothing to do.'
        : 'No credentials at all: set the S3 access and secret keys in the Storage credentials form.',
  });
}

function claimStep(
  g: Gathered,
  base: Omit<Parameters<typeof step>[0], 'verdict' | 'evidence' | 'nextStep'>,
  spec: Partial<ConfigSpec>,
  replicas: number,
): DiagnosticStep {
  if (!g.claim || !g.claim.ok) {
    const absent = g.claim && !g.claim.ok && g.claim.error.statusCode === 404;
    return step({
      ...base,
      verdict: absent ? 'failing' : 'warning',
      evidence: [
        absent
          ? 'the claim does not exist'
          : ((g.claim ? cannotRead('the claim', g.claim) : undefined) ?? 'claim unknown'),
      ],
      nextStep:
        'Create the claim or leave spec.storage.pvc.claim empty for the operator to create image-registry-storage.',
    });
  }
  const pvc = g.claim.value;
  const modes = pvc.spec?.accessModes ?? [];
  const evidence = [`claim ${pvc.metadata?.name}: ${pvc.status?.phase ?? 'unknown'}, ${modes.join(', ')}`];
  let verdict: Verdict = pvc.status?.phase === 'Bound' ? 'ok' : 'warning';
  if (modes.includes('ReadWriteOnce') && !modes.includes('ReadWriteMany')) {
    if (replicas > 1) {
      verdict = 'failing';
      evidence.push('cannot use ReadWriteOnce access mode with more than one replica');
    }
    if ((spec.rolloutStrategy ?? 'RollingUpdate') !== 'Recreate') {
      verdict = 'failing';
      evidence.push('cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy');
    }
  }
  return step({
    ...base,
    verdict,
    evidence,
    nextStep:
      verdict === 'ok'
        ? 'Nothing to do.'
        : 'With a ReadWriteOnce claim use 1 replica and the Recreate rollout strategy, or a ReadWriteMany claim.',
  });
}

export function routesStep(g: Gathered): DiagnosticStep {
  const base = {
    id: 'routes' as const,
    title: 'Routes and registry hostnames',
    command: `oc get route -n ${NS}; oc get images.config.openshift.io/cluster -o yaml`,
  };
  const evidence: string[] = [];
  let verdict: Verdict = 'ok';
  const links = [
    {
      label: 'Image config',
      kind: 'object' as const,
      object: { kind: 'Image', name: 'cluster', apiVersion: 'config.openshift.io/v1' },
    },
  ];
  if (g.routes.ok) {
    for (const r of g.routes.value) {
      const ingress =
        (
          r.status as
            | {
                ingress?: {
                  host?: string;
                  routerName?: string;
                  conditions?: { type: string; status: string; message?: string }[];
                }[];
              }
            | undefined
        )?.ingress ?? [];
      const admitted = ingress.some((i) =>
        i.conditions?.some((c) => c.type === 'Admitted' && c.status === 'True'),
      );
      const host = (r.spec as { host?: string } | undefined)?.host ?? ingress[0]?.host ?? '';
      evidence.push(`route ${r.metadata?.name} ${host}: ${admitted ? 'admitted' : 'not admitted'}`);
      if (!admitted) verdict = 'warning';
    }
    if (g.routes.value.length === 0)
      evidence.push('no routes: the registry is reachable inside the cluster only');
  } else {
    evidence.push(
      g.routes.error.statusCode === 404
        ? 'no Route API on this cluster'
        : (cannotRead('routes', g.routes) ?? ''),
    );
  }
  if (g.imageConfig.ok) {
    const status = (g.imageConfig.value.status ?? {}) as {
      internalRegistryHostname?: string;
      externalRegistryHostnames?: string[];
    };
    evidence.push(`internal hostname: ${status.internalRegistryHostname ?? '(not set)'}`);
    if (status.externalRegistryHostnames?.length)
      evidence.push(`external hostnames: ${status.externalRegistryHostnames.join(', ')}`);
    const ca = (g.imageConfig.value.spec as { additionalTrustedCA?: { name?: string } } | undefined)
      ?.additionalTrustedCA?.name;
    if (ca && g.trustedCA && !g.trustedCA.ok && g.trustedCA.error.statusCode === 404) {
      verdict = 'failing';
      evidence.push(`additional trusted CA ConfigMap openshift-config/${ca} does not exist`);
    } else if (ca) evidence.push(`additional trusted CA ConfigMap: openshift-config/${ca}`);
  }
  const nextStep =
    verdict === 'ok'
      ? 'Nothing to do.'
      : verdict === 'failing'
        ? 'Create the ConfigMap in openshift-config (keys: registry host names, values: PEM) or clear images.config.openshift.io/cluster spec.additionalTrustedCA.'
        : 'A route that is not admitted has a host conflict or a router problem: read its status conditions.';
  return step({ ...base, verdict, evidence, nextStep, links });
}

export function eventsStep(g: Gathered, now = Date.now()): DiagnosticStep {
  const base = {
    id: 'events' as const,
    title: 'Warning events in openshift-image-registry',
    command: `oc get events -n ${NS} --sort-by=.lastTimestamp`,
  };
  if (!g.events.ok)
    return step({
      ...base,
      verdict: 'warning',
      evidence: [cannotRead('events', g.events) ?? ''],
      nextStep: 'Ask for read access to events.',
    });
  const hour = now - 3600_000;
  const warnings = g.events.value
    .filter((e) => e.type === 'Warning')
    .map((e) => ({ e, t: Date.parse(toIso(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp) ?? '') || 0 }))
    .filter(({ t }) => t >= hour)
    .sort((a, b) => b.t - a.t);
  return step({
    ...base,
    verdict: warnings.length ? 'warning' : 'ok',
    evidence:
      warnings.length === 0
        ? [`no Warning events in the last hour (${g.events.value.length} events in total)`]
        : warnings
            .slice(0, 10)
            .map(
              ({ e }) =>
                `${e.involvedObject?.kind}/${e.involvedObject?.name}: ${e.reason} — ${e.message}${(e.count ?? 1) > 1 ? ` (×${e.count})` : ''}`,
            ),
    nextStep: warnings.length
      ? 'Each warning names the object and the cause (probe failures, scheduling, mounts).'
      : 'No warnings in the last hour.',
    links: warnings.slice(0, 5).map(({ e }) => ({
      label: `${e.involvedObject?.kind} ${e.involvedObject?.name}`,
      kind: 'object' as const,
      object: { kind: e.involvedObject?.kind ?? '', name: e.involvedObject?.name ?? '', namespace: NS },
    })),
  });
}
