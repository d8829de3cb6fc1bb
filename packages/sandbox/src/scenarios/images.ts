/**
 * The registry image cannot be pulled: the workers' image caches were emptied (image garbage
 * collection under disk pressure, replaced machines) and the cluster pull secret was replaced by
 * one without quay.io, where the release images live. Running containers keep running; the
 * registry pods that start now stay in ErrImagePull / ImagePullBackOff with CRI-O's
 * "unauthorized" until quay.io credentials are back in openshift-config/pull-secret.
 */
import { R } from '../core/refs.js';
import { clone, rec, str } from '../core/objects.js';
import type { KubeObject } from '../core/types.js';
import { memo, restartRegistryPods } from './memo.js';
import type { Scenario, ScenarioEnv } from './types.js';

const PULL_SECRET = { ns: 'openshift-config', name: 'pull-secret' };

function dockerConfig(secret: KubeObject): { auths?: Record<string, unknown> } {
  const raw = str(rec(secret, 'data')['.dockerconfigjson']) ?? '';
  return JSON.parse(Buffer.from(raw, 'base64').toString('utf8') || '{}') as {
    auths?: Record<string, unknown>;
  };
}

function setAuths(env: ScenarioEnv, secret: KubeObject, auths: Record<string, unknown>): void {
  const data = Buffer.from(JSON.stringify({ ...dockerConfig(secret), auths })).toString('base64');
  env.api.update(R.secrets, PULL_SECRET.ns, {
    ...secret,
    data: { ...rec(secret, 'data'), '.dockerconfigjson': data },
  });
}

export const IMAGE_SCENARIOS: Scenario[] = [
  {
    name: 'registry-image-pull',
    description:
      'The workers lost their image cache and openshift-config/pull-secret no longer has quay.io: new registry pods stay in ImagePullBackOff ("unauthorized: access to the requested resource is not authorized").',
    activate(env) {
      const secret = env.api.get(R.secrets, PULL_SECRET.ns, PULL_SECRET.name);
      const auths = { ...(dockerConfig(secret).auths ?? {}) };
      const m = memo(env);
      if (!m.has(`${this.name}:quay.io`)) m.set(`${this.name}:quay.io`, clone(auths['quay.io'] ?? null));
      delete auths['quay.io'];
      setAuths(env, secret, auths);
      for (const n of env.api.list(R.nodes, undefined).items)
        if ('node-role.kubernetes.io/worker' in (n.metadata.labels ?? {}))
          env.world.faults.coldImageNodes.set(n.metadata.name ?? '', new Set());
      restartRegistryPods(env);
    },
    clear(env) {
      const m = memo(env);
      const prior = m.get(`${this.name}:quay.io`);
      m.delete(`${this.name}:quay.io`);
      env.world.faults.coldImageNodes.clear();
      const secret = env.api.get(R.secrets, PULL_SECRET.ns, PULL_SECRET.name);
      // the admin may have put quay.io back already (the console's pull secret page): keep theirs
      const auths = { ...(dockerConfig(secret).auths ?? {}) };
      if (prior && !auths['quay.io']) setAuths(env, secret, { ...auths, 'quay.io': prior });
    },
  },
];
