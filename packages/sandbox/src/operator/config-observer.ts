import type { KubeObject } from '../core/types.js';
import { rec, stableStringify } from '../core/objects.js';
import type { OperatorEnv } from './context.js';
import { R } from '../core/refs.js';
import { tryGet } from '../core/objects.js';
import { EVENT_COMPONENT, NS } from './defaults.js';
import { observedTlsProfile } from './tls-profiles.js';
import { writeBackSpec } from './writeback.js';

/**
 * 4.23's config observer (library-go's ObserveTLSSecurityProfile): the cluster's TLS profile goes
 * into `spec.observedConfig.servingInfo` by an update of its own — the first one after the
 * bootstrap create, so the Config reaches generation 2 with it — and each value it changes is a
 * Normal `ObserveTLSSecurityProfile` event. The profile is read from
 * `apiservers.config.openshift.io/cluster` spec.tlsSecurityProfile at every sync (the lister);
 * no APIServer or no profile means Intermediate.
 */
export function observeConfig(env: OperatorEnv, cfg: KubeObject): KubeObject {
  const serving = rec(cfg, 'spec', 'observedConfig', 'servingInfo');
  const profile = observedTlsProfile(tryGet(env.api, R.apiServers, undefined, 'cluster'));
  const changes: string[] = [];
  if (serving.minTLSVersion !== profile.minTLSVersion)
    changes.push(`minTLSVersion changed to ${profile.minTLSVersion}`);
  if (stableStringify(serving.cipherSuites ?? null) !== stableStringify(profile.cipherSuites))
    changes.push(`cipherSuites changed to [${profile.cipherSuites.map((c) => `"${c}"`).join(' ')}]`);
  if (changes.length === 0) return cfg;
  const written = writeBackSpec(env.api, cfg, (c) => {
    const spec = rec(c, 'spec');
    const observed = rec(spec, 'observedConfig');
    observed.servingInfo = {
      ...rec(observed, 'servingInfo'),
      minTLSVersion: profile.minTLSVersion,
      cipherSuites: [...profile.cipherSuites],
    };
    spec.observedConfig = observed;
    c.spec = spec;
  });
  for (const message of changes)
    env.events.record(
      { component: EVENT_COMPONENT },
      env.self(),
      'Normal',
      'ObserveTLSSecurityProfile',
      message,
      { namespace: NS },
    );
  return written ?? cfg;
}
