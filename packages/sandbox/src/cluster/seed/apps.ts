import type { ApiClient, KubeObject } from '../../core/types.js';
import { R } from '../../core/refs.js';
import { ensure } from './ensure.js';
import { INTERNAL_HOSTNAME } from '../../operator/defaults.js';

/** A few ordinary application Deployments, so the cluster is not empty and images get pulled. */
const APPS: Array<{ ns: string; name: string; replicas: number; image: string; port: number }> = [
  {
    ns: 'shop-frontend',
    name: 'frontend',
    replicas: 2,
    image: `${INTERNAL_HOSTNAME}/shop-frontend/frontend:1.4.2`,
    port: 8080,
  },
  {
    ns: 'payments',
    name: 'payments-api',
    replicas: 1,
    image: `${INTERNAL_HOSTNAME}/payments/payments-api:2.0.1`,
    port: 8443,
  },
  {
    ns: 'developer',
    name: 'hello-openshift',
    replicas: 1,
    image: 'quay.io/openshift/origin-hello-openshift:latest',
    port: 8080,
  },
];

function appDeployment(a: (typeof APPS)[number]): KubeObject {
  const labels = { app: a.name, 'app.kubernetes.io/name': a.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: a.name, namespace: a.ns, labels },
    spec: {
      replicas: a.replicas,
      selector: { matchLabels: { app: a.name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: a.name,
              image: a.image,
              ports: [{ containerPort: a.port, protocol: 'TCP' }],
              readinessProbe: {
                httpGet: { path: '/', port: a.port },
                initialDelaySeconds: 3,
                periodSeconds: 10,
              },
              resources: { requests: { cpu: '50m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
  };
}

export function seedApps(api: ApiClient): void {
  for (const a of APPS) ensure(api, R.deployments, appDeployment(a));
}
