/**
 * Route faults as an admin makes them with `oc patch configs.imageregistry…`: a route naming a
 * TLS secret that does not exist (the CRD and a dry run accept it; the operator's apply fails),
 * and one naming a secret that is not a TLS secret.
 */
import { NS } from '../operator/defaults.js';
import { patchConfigFields, replaceSecret, restoreConfigFields, restoreSecret } from './memo.js';
import type { Scenario } from './types.js';

const HOST = `registry.apps.sandbox.example.com`;

export const ROUTE_SCENARIOS: Scenario[] = [
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
