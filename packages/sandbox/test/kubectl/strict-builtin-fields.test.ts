import { describe, expect, it } from 'vitest';
import { hasKubectl, kubectl, kubectlOk, useKubectlSandbox } from './kubectl.js';

/**
 * kubectl's default `--validate=strict` sends fieldValidation=Strict, so a typo anywhere in a
 * built-in object (not only at the top level) is refused by the server, with kube's message;
 * `--validate=false` sends Ignore and the object is created without the field.
 */
const suite = hasKubectl ? describe : describe.skip;
if (!hasKubectl)
  console.warn('SKIPPED: /usr/bin/kubectl not found — kubectl strict decoding needs kubectl v1.32');

const kube = useKubectlSandbox({ controllers: false });

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: typo, namespace: default}
spec:
  replica: 2
  selector: {matchLabels: {app: typo}}
  template:
    metadata: {labels: {app: typo}}
    spec:
      containers:
      - {name: web, image: nginx, imagePullPolcy: Always}
`;

suite('kubectl apply of a built-in with unknown nested fields', () => {
  it('the default strict validation refuses spec.replica and a misspelt container field, naming both', async () => {
    const r = await kubectl(kube.kc, kube.dir, ['apply', '-f', '-'], DEPLOYMENT);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePullPolcy"',
    );
    expect((await kubectl(kube.kc, kube.dir, ['get', 'deployment', 'typo'])).code).not.toBe(0);
  });

  it('--validate=false applies it with the unknown fields dropped', async () => {
    const r = await kubectl(kube.kc, kube.dir, ['apply', '--validate=false', '-f', '-'], DEPLOYMENT);
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout.trim() }).toEqual({
      code: 0,
      stderr: '',
      stdout: 'deployment.apps/typo created',
    });
    const spec = JSON.parse(
      await kubectlOk(kube.kc, kube.dir, ['get', 'deployment', 'typo', '-o', 'jsonpath={.spec}']),
    ) as Record<string, unknown>;
    expect(spec).not.toHaveProperty('replica');
    expect(spec.replicas).toBe(1);
    const container = JSON.parse(
      await kubectlOk(kube.kc, kube.dir, [
        'get',
        'deployment',
        'typo',
        '-o',
        'jsonpath={.spec.template.spec.containers[0]}',
      ]),
    ) as Record<string, unknown>;
    expect(container).not.toHaveProperty('imagePullPolcy');
    expect(container.name).toBe('web');
  });
});
