import type { ApiClient, Clock, KubeObject, ResourceRef } from '../../../core/types.js';
import { R } from '../../../core/refs.js';
import { ensure } from '../ensure.js';
import { importedStatus } from './image-streams.js';
import { SAMPLE_LABEL, SAMPLE_NAMESPACES, type SampleNamespace } from './samples.js';

const REF_BY_KIND: Record<string, ResourceRef> = {
  Deployment: R.deployments,
  StatefulSet: R.statefulSets,
  DaemonSet: R.daemonSets,
  Job: R.jobs,
  CronJob: R.cronJobs,
  DeploymentConfig: R.deploymentConfigs,
  BuildConfig: R.buildConfigs,
};

/** A pull secret whose registry keys are `hosts` (credentials are workshop placeholders). */
function pullSecret(ns: string, s: SampleNamespace['pullSecrets'][number]): KubeObject {
  const entry = (host: string) =>
    [
      host,
      {
        auth: Buffer.from(`workshop-puller:placeholder-for-${host.split(':')[0] ?? host}`).toString('base64'),
        email: 'workshop@example.com',
      },
    ] as const;
  const auths = Object.fromEntries(s.hosts.map(entry));
  const [key, body] =
    s.type === 'kubernetes.io/dockerconfigjson' ? ['.dockerconfigjson', { auths }] : ['.dockercfg', auths];
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: s.name,
      namespace: ns,
      labels: { 'app.kubernetes.io/part-of': 'image-migration-workshop' },
    },
    type: s.type,
    data: { [key]: Buffer.from(JSON.stringify(body)).toString('base64') },
  };
}

/**
 * Seeds the image-migration sample projects (see samples.ts). Idempotent like the rest of the
 * seed: existing objects are left as they are, so a migration already run stays run.
 */
export function seedImageMigrationSamples(api: ApiClient, clock: Clock): void {
  for (const ns of SAMPLE_NAMESPACES) {
    ensure(
      api,
      R.namespaces,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: ns.name,
          labels: { [SAMPLE_LABEL.key]: SAMPLE_LABEL.value },
          annotations: { 'openshift.io/display-name': ns.displayName, 'openshift.io/requester': 'developer' },
        },
        spec: { finalizers: ['kubernetes'] },
      },
      { phase: 'Active' },
    );
    for (const s of ns.pullSecrets) ensure(api, R.secrets, pullSecret(ns.name, s));
    for (const { stream, importedDaysAgo } of ns.imageStreams)
      ensure(api, R.imageStreams, stream, importedStatus(stream, clock.now(), importedDaysAgo));
    for (const obj of ns.objects) {
      const ref = REF_BY_KIND[obj.kind];
      if (!ref) throw new Error(`image-migration sample of unknown kind ${obj.kind}`);
      ensure(api, ref, obj);
    }
  }
}

export { NEW_REGISTRY, OLD_REGISTRY, SAMPLE_LABEL, SAMPLE_NAMESPACES } from './samples.js';
