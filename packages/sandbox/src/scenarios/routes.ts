/**
 * Route faults as an admin makes them with `oc patch configs.imageregistry…`: a route naming a
 * TLS secret that does not exist (the CRD and a dry run accept it; the operator's apply fails),
 * one naming a secret that is not a TLS secret, and one whose hostname another namespace's
 * route already holds.
 */
import { R } from '../core/refs.js';
import { tryDelete } from '../core/objects.js';
import { NS } from '../operator/defaults.js';
import { memo, patchConfigFields, replaceSecret, restoreConfigFields, restoreSecret } from './memo.js';
import type { Scenario } from './types.js';

const HOST = `registry.apps.sandbox.example.com`;

/** Another team's route that took the registry's public hostname first. */
const FOREIGN = { ns: 'shop-frontend', name: 'registry-mirror', service: 'frontend' };

export const ROUTE_SCENARIOS: Scenario[] = [
  {
    name: 'route-host-claimed',
    description: `A route in namespace ${FOREIGN.ns} already serves ${HOST} when spec.routes asks for it: the router refuses the registry's route (Admitted=False HostAlreadyClaimed, "a route in another namespace holds ${HOST} and is older than public-registry") and the operator reports Degraded=True RouteDegraded.`,
    activate(env) {
      tryDelete(env.api, R.routes, FOREIGN.ns, FOREIGN.name);
      env.api.create(R.routes, FOREIGN.ns, {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name: FOREIGN.name, namespace: FOREIGN.ns },
        spec: { host: HOST, to: { kind: 'Service', name: FOREIGN.service }, tls: { termination: 'edge' } },
      });
      // the admin asks for the host later: creation times are wall-clock whole seconds (not
      // scaled), and the router orders routes created in the same second by uid
      const clock = env.ctx.clock;
      const later = clock.after(1_100 / clock.scale, () =>
        patchConfigFields(env, this.name, { routes: [{ name: 'public-registry', hostname: HOST }] }),
      );
      memo(env).set(`${this.name}:timer`, later);
    },
    clear(env) {
      (memo(env).get(`${this.name}:timer`) as (() => void) | undefined)?.();
      memo(env).delete(`${this.name}:timer`);
      restoreConfigFields(env, this.name);
      tryDelete(env.api, R.routes, FOREIGN.ns, FOREIGN.name);
    },
  },
  {
    name: 'route-tls-secret-missing',
    description: `spec.routes names TLS secret missing-route-tls, which does not exist in ${NS}: the operator cannot apply (secret "missing-route-tls" not found).`,
    activate(env) {
      patchConfigFields(env, this.name, {
        routes: [{ name: 'public-registry', hostname: HOST, secretName: 'missing-route-tls' }],
      });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
    },
  },
  {
    name: 'route-tls-secret-not-tls',
    description:
      "spec.routes names secret public-registry-tls, an Opaque secret without tls.crt/tls.key: the route serves the router's default certificate.",
    activate(env) {
      replaceSecret(env, this.name, 'public-registry-tls', { 'registry.pem': 'not a key pair' });
      patchConfigFields(env, this.name, {
        routes: [{ name: 'public-registry', hostname: HOST, secretName: 'public-registry-tls' }],
      });
    },
    clear(env) {
      restoreConfigFields(env, this.name);
      restoreSecret(env, this.name, 'public-registry-tls');
    },
  },
];
