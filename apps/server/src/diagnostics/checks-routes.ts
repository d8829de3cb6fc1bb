/**
 * Checklist item 7: routes (their TLS secrets, whether a router admitted them), the registry
 * hostnames and the additional trusted CA. A route naming a missing secret passes the CRD and a
 * dry run; only the operator's apply fails (`secret "x" not found`), so it is checked here from
 * the Config itself, before and after the operator says so.
 */
import type { DiagnosticStep, Finding } from '@irc/shared';
import { NS, type KubeObjectLike } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding, readProblem } from './findings.js';
import { ref } from './objects.js';
import { conditionLine, step } from './step.js';

interface IngressLike {
  host?: string;
  routerName?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
}

function secretFindings(f: Facts): Finding[] {
  const out: Finding[] = [];
  (f.spec.routes ?? []).forEach((r, i) => {
    if (!r.secretName) return;
    const read = f.g.routeSecrets.get(r.secretName);
    if (!read) return;
    const fix = {
      section: 'routes' as const,
      field: `spec.routes[${i}].secretName`,
      label: 'Change the secret name',
    };
    if (!read.ok) {
      if (read.error.statusCode === 404)
        out.push(
          finding({
            code: 'route-tls-secret-missing',
            severity: 'failing',
            summary: `Route ${r.name} names TLS secret ${r.secretName}, which does not exist`,
            object: ref.config(),
            field: `spec.routes[${i}].secretName`,
            evidence: [`secret "${r.secretName}" not found in ${NS}`],
            nextStep: `Create the secret (keys tls.crt, tls.key, optionally tls.cacrt) in ${NS}, or correct the name. Until then the operator cannot apply any change.`,
            command: `oc create secret tls ${r.secretName} -n ${NS} --cert=<cert.pem> --key=<key.pem>`,
            fix,
          }),
        );
      else
        out.push(
          cannotRead(
            `secret ${r.secretName}`,
            read,
            ref.secret(r.secretName),
            `oc auth can-i get secrets -n ${NS}`,
          ),
        );
      return;
    }
    const secret = read.value;
    const keys = Object.keys(secret.data ?? {});
    const missing = ['tls.crt', 'tls.key'].filter((k) => !keys.includes(k));
    if (missing.length)
      out.push(
        finding({
          code: 'route-tls-secret-invalid',
          severity: 'warning',
          summary: `Secret ${r.secretName} of route ${r.name} is not a TLS secret (no ${missing.join(', ')})`,
          object: ref.secret(r.secretName),
          field: 'data',
          evidence: [
            `secret ${r.secretName}: type ${secret.type ?? 'Opaque'}, keys ${keys.join(', ') || '(none)'} (values never shown)`,
          ],
          nextStep:
            'The operator copies tls.crt, tls.key and tls.cacrt into the route; without them the route serves the router’s default certificate. Recreate it as a TLS secret.',
          command: `oc create secret tls ${r.secretName} -n ${NS} --cert=<cert.pem> --key=<key.pem> --dry-run=client -o yaml | oc replace -f -`,
          fix,
        }),
      );
  });
  return out;
}

function admissionFindings(f: Facts, routes: KubeObjectLike[], evidence: string[]): Finding[] {
  const out: Finding[] = [];
  for (const r of routes) {
    const name = r.metadata?.name ?? '';
    const ingress = ((r.status as { ingress?: IngressLike[] } | undefined)?.ingress ?? []) as IngressLike[];
    const refused = ingress.find((i) =>
      i.conditions?.some((c) => c.type === 'Admitted' && c.status === 'False'),
    );
    const admitted = ingress.some((i) =>
      i.conditions?.some((c) => c.type === 'Admitted' && c.status === 'True'),
    );
    const host = (r.spec as { host?: string } | undefined)?.host ?? ingress[0]?.host ?? '';
    evidence.push(
      `route ${name} ${host}: ${admitted ? 'admitted' : refused ? 'not admitted' : 'no router has answered yet'}`,
    );
    if (!refused) continue;
    const c = refused.conditions?.find((x) => x.type === 'Admitted');
    const index = (f.spec.routes ?? []).findIndex((x) => x.name === name);
    const claimed = /HostAlreadyClaimed/.test(c?.reason ?? '');
    const refusedHost = refused.host ?? host;
    // the operator's checkRoutesStatus turns a refusal into Degraded=True RouteDegraded
    const degraded = f.conditions.find(
      (x) =>
        x.type === 'Degraded' &&
        x.status === 'True' &&
        x.reason === 'RouteDegraded' &&
        (x.message ?? '').includes(`route ${name} `),
    );
    out.push(
      finding({
        code: 'route-not-admitted',
        severity: degraded ? 'failing' : 'warning',
        summary: `Router ${refused.routerName ?? ''} did not admit route ${name}${c?.reason ? ` (${c.reason})` : ''}${claimed ? `: another route holds ${refusedHost}` : ''}`,
        object: ref.ns('Route', name, 'route.openshift.io/v1'),
        field: 'status.ingress[].conditions[Admitted]',
        evidence: [
          `route ${name} (host ${refusedHost}, router ${refused.routerName ?? ''}) not admitted: ${c?.message ?? ''}`,
          ...(degraded ? [`Config ${conditionLine(degraded)}`] : []),
        ],
        nextStep: claimed
          ? `The router gives a host to the oldest route that asks for it, here a route in another namespace (the command lists who holds it). Choose another hostname for ${name}, or have that route removed: ${name} is admitted once it is the oldest route for the host.`
          : 'The router names the reason: fix the host or the TLS material.',
        command: claimed
          ? `oc get routes -A -o custom-columns=NAMESPACE:.metadata.namespace,NAME:.metadata.name,HOST:.spec.host | grep -F ${refusedHost}`
          : `oc get route ${name} -n ${NS} -o jsonpath='{.status.ingress}'`,
        ...(index >= 0
          ? {
              fix: {
                section: 'routes' as const,
                field: `spec.routes[${index}].hostname`,
                label: 'Change the hostname',
              },
            }
          : {}),
        links: [
          { label: `Route ${name}`, kind: 'object', object: ref.ns('Route', name, 'route.openshift.io/v1') },
        ],
      }),
    );
  }
  return out;
}

function trustFindings(f: Facts, evidence: string[]): Finding[] {
  if (!f.g.imageConfig.ok) {
    evidence.push(readProblem('images.config.openshift.io/cluster', f.g.imageConfig) ?? '');
    return [];
  }
  const status = (f.g.imageConfig.value.status ?? {}) as {
    internalRegistryHostname?: string;
    externalRegistryHostnames?: string[];
  };
  evidence.push(`internal hostname: ${status.internalRegistryHostname ?? '(not set)'}`);
  if (status.externalRegistryHostnames?.length)
    evidence.push(`external hostnames: ${status.externalRegistryHostnames.join(', ')}`);
  const ca = (f.g.imageConfig.value.spec as { additionalTrustedCA?: { name?: string } } | undefined)
    ?.additionalTrustedCA?.name;
  if (!ca || !f.g.trustedCA) return [];
  if (f.g.trustedCA.ok) {
    evidence.push(`additional trusted CA ConfigMap: openshift-config/${ca}`);
    return [];
  }
  if (f.g.trustedCA.error.statusCode !== 404)
    return [
      cannotRead(
        `ConfigMap openshift-config/${ca}`,
        f.g.trustedCA,
        ref.imageConfig(),
        'oc auth can-i get configmaps -n openshift-config',
      ),
    ];
  const degraded = f.condition('ImageRegistryCertificatesControllerDegraded');
  return [
    finding({
      code: 'trusted-ca-missing',
      severity: 'failing',
      summary: `images.config.openshift.io/cluster names ConfigMap ${ca}, which does not exist in openshift-config`,
      object: ref.imageConfig(),
      field: 'spec.additionalTrustedCA.name',
      evidence: [
        `configmap "${ca}" not found in openshift-config`,
        ...(degraded?.status === 'True'
          ? [`Config ImageRegistryCertificatesControllerDegraded=True: ${degraded.message ?? ''}`]
          : []),
      ],
      nextStep: `Create ConfigMap ${ca} in openshift-config (keys: registry hostnames, "host..port" for a port; values: PEM), or clear the reference.`,
      command: `oc create configmap ${ca} -n openshift-config --from-file=<registry-host>=<ca.pem>`,
      fix: { section: 'trust', field: 'additionalTrustedCA', label: 'Add the trusted CA' },
    }),
  ];
}

export function routesStep(f: Facts): DiagnosticStep {
  const base = {
    id: 'routes' as const,
    title: 'Routes, registry hostnames and trusted CAs',
    command: `oc get route -n ${NS}; oc get images.config.openshift.io/cluster -o yaml`,
    links: [{ label: 'Image config', kind: 'object' as const, object: ref.imageConfig() }],
  };
  const evidence: string[] = [];
  const findings: Finding[] = [...secretFindings(f)];
  if (f.g.routes.ok) {
    findings.push(...admissionFindings(f, f.g.routes.value, evidence));
    if (f.g.routes.value.length === 0)
      evidence.push('no routes: the registry is reachable inside the cluster only');
  } else if (f.g.routes.error.statusCode === 404) evidence.push('no Route API on this cluster');
  else
    findings.push(
      cannotRead(
        'routes',
        f.g.routes,
        ref.ns('Route', '*', 'route.openshift.io/v1'),
        `oc auth can-i list routes -n ${NS}`,
      ),
    );
  findings.push(...trustFindings(f, evidence));
  return step({ ...base, evidence, findings });
}
