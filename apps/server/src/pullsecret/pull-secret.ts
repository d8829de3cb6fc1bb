/**
 * The global pull secret `openshift-config/pull-secret` (domain.md §6.13): the operator copies
 * it into the registry pods for pull-through from Red Hat registries.
 *
 * A write is read-modify-write of ONE auths entry: the rest of the document is re-serialised
 * from its parsed form (same keys, same order, same string values), and the patch carries the
 * resourceVersion read, so a concurrent change is a 409 — never a silent overwrite of a
 * credential someone else just stored. A malformed document is reported and never written.
 */
import {
  PULL_SECRET_KEY,
  RegistryNames,
  registryHostProblem,
  type PullSecretStatus,
  type PutPullSecretRegistryRequest,
  type PutPullSecretRegistryResponse,
} from '@irc/shared';
import { PatchStrategy, type V1Secret } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client.js';
import { KubeError, invalidField, toKubeError } from '../kube/errors.js';
import { knownSecrets, noteDockerAuth } from '../kube/redact.js';
import { isUserColonSecret, parseDockerConfig, registryEntries, type DockerConfig } from './dockerconfig.js';

async function readSecret(client: KubeClient): Promise<V1Secret | undefined> {
  try {
    const secret = await client.core.readNamespacedSecret(
      { name: RegistryNames.pullSecret, namespace: RegistryNames.configNamespace },
      client.opts(),
    );
    // Every auth is a credential: scrubbed from any API message that quotes one (redact.ts).
    const parsed = parseDockerConfig(secret.data?.[PULL_SECRET_KEY], secret.type);
    if (parsed.ok) for (const entry of Object.values(parsed.doc.auths)) noteDockerAuth(entry);
    knownSecrets.note(secret.data?.[PULL_SECRET_KEY]);
    return secret;
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 404) return undefined;
    throw e;
  }
}

function describe(secret: V1Secret | undefined): PullSecretStatus {
  const base = {
    namespace: RegistryNames.configNamespace,
    secretName: RegistryNames.pullSecret,
    exists: !!secret,
  };
  const rv = secret?.metadata?.resourceVersion ? { resourceVersion: secret.metadata.resourceVersion } : {};
  if (!secret) return { ...base, valid: true, problems: [], registries: [] };
  const parsed = parseDockerConfig(secret.data?.[PULL_SECRET_KEY], secret.type);
  if (!parsed.ok) return { ...base, valid: false, problems: parsed.problems, registries: [], ...rv };
  return { ...base, valid: true, problems: [], registries: registryEntries(parsed.doc), ...rv };
}

export async function pullSecretStatus(client: KubeClient): Promise<PullSecretStatus> {
  return describe(await readSecret(client));
}

/** The new entry; `auth` is base64 `user:password` as container runtimes expect. */
function entryOf(body: PutPullSecretRegistryRequest): Record<string, string> {
  let auth: string;
  if ('token' in body) {
    if (!isUserColonSecret(body.token))
      throw invalidField(
        'token',
        'must be the base64 "auth" value of a pull secret entry (base64 of username:password)',
      );
    auth = body.token;
  } else {
    if (body.username.includes(':'))
      throw invalidField(
        'username',
        'must not contain ":" (the runtime splits username:password on the first ":")',
      );
    auth = Buffer.from(`${body.username}:${body.password}`, 'utf8').toString('base64');
  }
  return { auth, ...(body.email ? { email: body.email } : {}) };
}

export async function putPullSecretRegistry(
  client: KubeClient,
  registry: string,
  body: PutPullSecretRegistryRequest,
): Promise<PutPullSecretRegistryResponse> {
  const problem = registryHostProblem(registry);
  if (problem) throw invalidField('registry', problem);
  const entry = entryOf(body);
  noteDockerAuth({ ...entry, ...('password' in body ? { password: body.password } : {}) });
  const secret = await readSecret(client);
  if (body.resourceVersion && secret?.metadata?.resourceVersion !== body.resourceVersion) {
    throw new KubeError(
      409,
      'Conflict',
      `the pull secret changed since it was read (resourceVersion ${body.resourceVersion}): reload and try again`,
    );
  }

  let doc: DockerConfig = { auths: {} };
  if (secret) {
    const parsed = parseDockerConfig(secret.data?.[PULL_SECRET_KEY], secret.type);
    if (!parsed.ok) {
      const paths = parsed.problems.map((p) => `${p.path} ${p.message}`).join('; ');
      throw new KubeError(
        422,
        'Invalid',
        `the existing pull secret is malformed and was left untouched: ${paths}`,
        parsed.problems.map((p) => ({ field: p.path, message: p.message })),
      );
    }
    doc = parsed.doc;
  }
  const replaced = registry in doc.auths;
  const next: DockerConfig = { ...doc, auths: { ...doc.auths, [registry]: entry } };
  const data = { [PULL_SECRET_KEY]: Buffer.from(JSON.stringify(next), 'utf8').toString('base64') };

  let written: V1Secret;
  try {
    written = secret
      ? await client.core.patchNamespacedSecret(
          {
            name: RegistryNames.pullSecret,
            namespace: RegistryNames.configNamespace,
            body: { metadata: { resourceVersion: secret.metadata?.resourceVersion }, data },
            fieldManager: RegistryNames.fieldManager,
          },
          client.opts({ headers: { 'Content-Type': PatchStrategy.MergePatch } }),
        )
      : await client.core.createNamespacedSecret(
          {
            namespace: RegistryNames.configNamespace,
            body: {
              apiVersion: 'v1',
              kind: 'Secret',
              type: 'kubernetes.io/dockerconfigjson',
              metadata: { name: RegistryNames.pullSecret, namespace: RegistryNames.configNamespace },
              data,
            },
            fieldManager: RegistryNames.fieldManager,
          },
          client.opts(),
        );
  } catch (err) {
    const e = toKubeError(err);
    if (e.statusCode === 409)
      throw new KubeError(
        409,
        'Conflict',
        'the pull secret changed while it was being written: reload and try again',
      );
    throw e;
  }
  return { status: describe(written), registry, replaced, created: !secret };
}
