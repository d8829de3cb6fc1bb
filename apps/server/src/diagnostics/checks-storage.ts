/** Checklist item 6: the storage backend, its credentials and claim. */
import { CREDENTIAL_KEYS, RegistryNames, type DiagnosticStep, type Finding } from '@irc/shared';
import { NS } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding, readProblem } from './findings.js';
import { PATCH_CONFIG, ref } from './objects.js';
import { claimFindings } from './checks-claim.js';
import type { StorageDiagnosis } from './storage-analysis.js';
import { step, unreadable } from './step.js';

const USER_SECRET = RegistryNames.userCredentialsSecret;
const SECRET_LINK = {
  label: 'User credentials secret',
  kind: 'object' as const,
  object: ref.secret(USER_SECRET),
};

/** The admin's secret lacks a key its backend needs: known before the operator says so. */
function missingKeys(f: Facts, keys: readonly string[]): Finding[] {
  if (!f.g.userSecret.ok) return [];
  const present = new Set(Object.keys(f.g.userSecret.value.data ?? {}));
  return keys
    .filter((k) => !present.has(k))
    .map((key) =>
      finding({
        code: 'storage-credentials-key-missing',
        severity: 'failing',
        summary: `Secret ${USER_SECRET} has no ${key}`,
        object: ref.secret(USER_SECRET),
        field: `data.${key}`,
        evidence: [`secret "${NS}/${USER_SECRET}" does not contain required key "${key}"`],
        nextStep: `Set ${key} in the storage credentials form (or delete the secret to fall back to cluster-minted credentials).`,
        command: `oc set data secret/${USER_SECRET} -n ${NS} ${key}=<value>`,
        fix: { section: 'storage', field: `credentials.${key}`, label: `Set ${key}` },
        links: [SECRET_LINK],
      }),
    );
}

function credentialFindings(f: Facts, backend: string): { findings: Finding[]; evidence: string[] } {
  const keys = new Map<string, readonly string[]>(Object.entries(CREDENTIAL_KEYS)).get(backend) ?? [];
  const user = f.g.userSecret;
  if (!user.ok && user.error.statusCode !== 404)
    return {
      findings: [
        cannotRead(
          'the storage credentials secret',
          user,
          ref.secret(USER_SECRET),
          `oc auth can-i get secrets -n ${NS}`,
        ),
      ],
      evidence: [],
    };
  if (user.ok) {
    const present = Object.keys(user.value.data ?? {}).filter((k) => keys.includes(k));
    return {
      findings: backend === 's3' || keys.length === 1 ? missingKeys(f, keys) : [],
      evidence: [`${USER_SECRET}: ${present.join(', ') || `no keys for ${backend}`} (values never shown)`],
    };
  }
  if (backend !== 's3') return { findings: [], evidence: [`no ${USER_SECRET}`] };
  const cloud = f.g.cloudSecret;
  const evidence = [
    `no ${USER_SECRET}`,
    cloud.ok
      ? 'installer-cloud-credentials present (cloud-minted credentials)'
      : (readProblem('installer-cloud-credentials', cloud) ?? ''),
  ];
  if (cloud.ok || cloud.error.statusCode !== 404) return { findings: [], evidence };
  return {
    findings: [
      finding({
        code: 'storage-credentials-missing',
        severity: 'failing',
        summary: `No storage credentials: neither ${USER_SECRET} nor installer-cloud-credentials exists`,
        object: ref.secret('installer-cloud-credentials'),
        evidence,
        nextStep:
          'The cloud credential operator has not minted credentials (manual mode?): enter an access key and a secret key in the storage credentials form.',
        command: `oc create secret generic ${USER_SECRET} -n ${NS} --from-literal=REGISTRY_STORAGE_S3_ACCESSKEY=<key> --from-literal=REGISTRY_STORAGE_S3_SECRETKEY=<secret>`,
        fix: {
          section: 'storage',
          field: 'credentials.REGISTRY_STORAGE_S3_ACCESSKEY',
          label: 'Set the S3 keys',
        },
      }),
    ],
    evidence,
  };
}

function emptyDirFindings(f: Facts): Finding[] {
  if (f.replicas <= 1) return [];
  const pods = (f.g.registryPods.ok ? f.g.registryPods.value : []).filter(
    (p) => !p.metadata?.deletionTimestamp,
  );
  return [
    finding({
      code: 'storage-emptydir-replicas',
      severity: 'warning',
      summary: `emptyDir storage with ${f.replicas} replicas: each pod has its own images`,
      object: ref.config(),
      field: 'spec.replicas',
      evidence: [
        'storage: emptyDir',
        `replicas: ${f.replicas}`,
        ...pods.map(
          (p) => `${p.metadata?.name} on ${p.spec?.nodeName ?? '(not scheduled)'}: its own emptyDir volume`,
        ),
        // the API's own documentation of the field (the operator does not enforce it)
        'spec.storage.emptyDir: "WARNING: this storage cannot be used with more than 1 replica and is not suitable for production use."',
      ],
      nextStep:
        'A push lands on one pod and pulls from the others fail: use 1 replica with emptyDir, or object storage / a ReadWriteMany claim.',
      command: `${PATCH_CONFIG} '{"spec":{"replicas":1}}'`,
      fix: { section: 'replicas', field: 'spec.replicas', label: 'Change replicas' },
    }),
  ];
}

export function storageStep(f: Facts, analysis: StorageDiagnosis): DiagnosticStep {
  const base = {
    id: 'storage-credentials' as const,
    title: 'Storage backend, credentials and claim',
    command: `oc get configs.imageregistry.operator.openshift.io/cluster -o jsonpath='{.spec.storage}{"\\n"}{.status.storage}'; oc get secret ${USER_SECRET} installer-cloud-credentials -n ${NS}; oc get pvc -n ${NS}`,
    links: [SECRET_LINK],
  };
  // without the Config there is no backend to check: unknown, never a silent ok
  if (!f.g.config.ok)
    return unreadable(
      base,
      cannotRead(
        'the registry configuration (which names the storage backend)',
        f.g.config,
        ref.config(),
        'oc auth can-i get configs.imageregistry.operator.openshift.io',
      ),
    );
  const backend = f.backend;
  const evidence = [`backend: ${backend ?? '(none: the operator fills in the platform default)'}`];
  const findings: Finding[] = [];
  if (analysis.stale) findings.push(analysis.stale);
  if (backend === 'emptyDir') findings.push(...emptyDirFindings(f));
  else if (backend === 'pvc') {
    const claim = claimFindings(f);
    evidence.push(...claim.evidence);
    findings.push(...claim.findings);
  } else if (backend) {
    const creds = credentialFindings(f, backend);
    evidence.push(...creds.evidence);
    findings.push(...creds.findings);
  }
  if (analysis.cause && !findings.some((x) => x.code === analysis.cause?.code)) findings.push(analysis.cause);
  else if (analysis.cause) {
    // the same cause, seen by the operator too: one finding with both pieces of evidence
    const i = findings.findIndex((x) => x.code === analysis.cause?.code);
    const known = findings[i]!;
    findings[i] = { ...known, evidence: [...new Set([...known.evidence, ...analysis.cause.evidence])] };
  }
  return step({
    ...base,
    evidence,
    findings,
    nextStep: 'Nothing to do: the storage answers and the credentials have every key the backend needs.',
  });
}
