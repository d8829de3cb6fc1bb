import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/index.js';
import type { KubeObject } from '../../src/core/types.js';
import { KUBELET_ANNOTATION } from '../../src/core/kubelet-endpoint.js';
import { call } from '../apiserver/http-client.js';
import { hasKubectl, kubectl } from '../kubectl/kubectl.js';
import { R, arrOf, cond, condition, rec, registryPods, registryReady, waitFor } from './support.js';

/**
 * A node whose kubelet is down, as a cluster shows it: the API server cannot dial the kubelet for
 * a log (kube-apiserver-facts.md, "Pods on an unreachable node"), the node lifecycle controller
 * marks the node Unknown after its 50 s grace period and taints it unreachable, the pods go
 * not ready and are evicted when their 300 s toleration runs out, and all heals when the kubelet
 * is back. Time scale 0.01: 50 s is 0.5 s, 300 s is 3 s.
 */
const NS = 'openshift-image-registry';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

let sb: SandboxHandle;
let dir: string;
let kc: string;

const logPath = (pod: string, query: string) => `/api/v1/namespaces/${NS}/pods/${pod}/log?${query}`;
const nodeOf = (pod: KubeObject) => String(rec(pod, 'spec').nodeName);
const internalIP = (node: KubeObject) =>
  String(arrOf(node, 'status', 'addresses').find((a) => a.type === 'InternalIP')?.address);

describe('node-unreachable: a node whose kubelet is down', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-node-unreachable-'));
    kc = join(dir, 'kubeconfig');
    sb = await startSandbox({ port: 0, timeScale: 0.01, kubeconfigPath: kc, log: false });
    await registryReady(sb);
  });
  afterAll(async () => {
    await sb?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('logs fail as kube-apiserver answers, the node goes NotReady, its pods are evicted, and it heals', async () => {
    const api = sb.api();
    const victim = registryPods(api)[0]!;
    const podName = victim.metadata.name!;
    const nodeName = nodeOf(victim);
    const ip = internalIP(api.get(R.nodes, undefined, nodeName));
    const before = await call(sb, 'GET', logPath(podName, 'container=registry&tailLines=20'));
    expect(before.status).toBe(200);

    await sb.scenarios.activate('node-unreachable');
    expect(api.get(R.nodes, undefined, nodeName).metadata.annotations?.[KUBELET_ANNOTATION]).toBe('stopped');

    // kube-apiserver-facts.md: "the API server answers **500** `InternalError` whose message is the
    // kubelet URL, e.g. `Get "https://10.0.0.5:10250/containerLogs/ns/pod/container?tailLines=20":
    // dial tcp 10.0.0.5:10250: connect: connection refused`". Code and message as the fact says. The
    // reason is StatusReasonUnknown (empty, so left out), not the literal reason "InternalError":
    // LocationStreamer.InputStream returns the dial's url.Error as it is
    // (k8s.io/apiserver/pkg/registry/generic/rest/streamer.go) and ErrorToAPIStatus answers a non-Status
    // error with code 500 and StatusReasonUnknown; kubectl then prints "Error from server: Get …"
    // (asserted below) where a Status with reason InternalError would print "Error from server
    // (InternalError): …" — what users report for unreachable kubelets is the former
    // (kubernetes/kubernetes#102139, #62511, #45092).
    const refused = await call(sb, 'GET', logPath(podName, 'container=registry&tailLines=20'));
    expect(refused.status).toBe(500);
    expect(refused.json).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Get "https://${ip}:10250/containerLogs/${NS}/${podName}/registry?tailLines=20": dial tcp ${ip}:10250: connect: connection refused`,
      code: 500,
    });
    // follow fails at once the same way; the options go to the kubelet sorted by name
    const follow = await call(
      sb,
      'GET',
      logPath(podName, 'timestamps=true&follow=true&container=registry&tailLines=5&limitBytes=100'),
    );
    expect(follow.status).toBe(500);
    expect((follow.json as { message: string }).message).toBe(
      `Get "https://${ip}:10250/containerLogs/${NS}/${podName}/registry?follow=true&limitBytes=100&tailLines=5&timestamps=true": dial tcp ${ip}:10250: connect: connection refused`,
    );
    // what the API server checks itself still comes first
    const badContainer = await call(sb, 'GET', logPath(podName, 'container=nope'));
    expect(badContainer.status).toBe(400);

    if (hasKubectl) {
      const r = await kubectl(kc, dir, ['logs', '-n', NS, podName, '--tail=20']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(
        `Error from server: Get "https://${ip}:10250/containerLogs/${NS}/${podName}/registry?tailLines=20": dial tcp ${ip}:10250: connect: connection refused`,
      );
    }

    // After the grace period: every kubelet condition Unknown, taints, pods not ready.
    const node = await waitFor('node NotReady', () => {
      const n = api.get(R.nodes, undefined, nodeName);
      return cond(n, 'Ready') === 'Unknown NodeStatusUnknown' ? n : undefined;
    });
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'])
      expect(condition(node, type)).toMatchObject({
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      });
    await waitFor('unreachable taints', () => {
      const taints = arrOf(api.get(R.nodes, undefined, nodeName), 'spec', 'taints');
      return (
        taints.some((t) => t.key === UNREACHABLE && t.effect === 'NoSchedule') &&
        taints.some((t) => t.key === UNREACHABLE && t.effect === 'NoExecute' && t.timeAdded)
      );
    });
    const notReady = await waitFor('pod Ready=False', () => {
      const p = api.get(R.pods, NS, podName);
      return condition(p, 'Ready')?.status === 'False' ? p : undefined;
    });
    expect(notReady.metadata.deletionTimestamp).toBeUndefined();
    const podEvents = api.list(R.events, NS).items.filter((e) => rec(e, 'involvedObject').name === podName);
    expect(podEvents.map((e) => `${e.type} ${e.reason} ${e.message}`)).toContain(
      'Warning NodeNotReady Node is not ready',
    );
    if (hasKubectl) {
      const r = await kubectl(kc, dir, ['get', 'node', nodeName, '--no-headers']);
      expect(r.stdout).toMatch(/\bNotReady\b/);
    }

    // 300 s toleration: evicted (DisruptionTarget, then a graceful delete that stays Terminating
    // while no kubelet confirms it), replaced on another node.
    const evicted = await waitFor('pod evicted', () => {
      const p = api.get(R.pods, NS, podName);
      return p.metadata.deletionTimestamp ? p : undefined;
    });
    expect(condition(evicted, 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect(
      api
        .list(R.events, NS)
        .items.some(
          (e) =>
            e.reason === 'TaintManagerEviction' && e.message === `Marking for deletion Pod ${NS}/${podName}`,
        ),
    ).toBe(true);
    await waitFor('replacement ready elsewhere', () =>
      registryPods(api).some(
        (p) =>
          p.metadata.name !== podName &&
          !p.metadata.deletionTimestamp &&
          nodeOf(p) !== nodeName &&
          cond(p, 'Ready') === 'True ',
      ),
    );
    expect(api.get(R.pods, NS, podName).metadata.deletionTimestamp).toBeDefined();

    // The kubelet is back: Ready, taints gone, the evicted pod finishes terminating.
    await sb.scenarios.clear('node-unreachable');
    await waitFor('node Ready again', () => {
      const n = api.get(R.nodes, undefined, nodeName);
      return (
        cond(n, 'Ready') === 'True KubeletReady' &&
        !arrOf(n, 'spec', 'taints').some((t) => t.key === UNREACHABLE)
      );
    });
    await waitFor('evicted pod gone', () => !registryPods(api).some((p) => p.metadata.name === podName));
    await registryReady(sb);
  });

  test('from kubectl: an annotation stops a kubelet; a daemon pod tolerates it for good', async () => {
    const api = sb.api();
    const worker = api
      .list(R.nodes, undefined)
      .items.find((n) => 'node-role.kubernetes.io/worker' in (n.metadata.labels ?? {}))!;
    const name = worker.metadata.name!;
    const daemon = await waitFor('node-ca pod on the worker', () =>
      api
        .list(R.pods, NS, { labelSelector: 'name=node-ca' })
        .items.find((p) => nodeOf(p) === name && cond(p, 'Ready') === 'True '),
    );
    expect(arrOf(daemon, 'spec', 'tolerations')).toContainEqual({
      key: UNREACHABLE,
      operator: 'Exists',
      effect: 'NoExecute',
    });
    const annotate = async (value: string | null): Promise<void> => {
      if (!hasKubectl) {
        api.patch(R.nodes, undefined, name, 'merge', {
          metadata: { annotations: { [KUBELET_ANNOTATION]: value } },
        });
        return;
      }
      const arg = value === null ? `${KUBELET_ANNOTATION}-` : `${KUBELET_ANNOTATION}=${value}`;
      const r = await kubectl(kc, dir, ['annotate', 'node', name, arg]);
      expect(r.stdout).toBe(`node/${name} annotated\n`);
    };
    await annotate('stopped');
    await waitFor(
      'NotReady',
      () => cond(api.get(R.nodes, undefined, name), 'Ready') === 'Unknown NodeStatusUnknown',
    );
    // 400 cluster seconds, past the 300 s default toleration: the daemon pod stays
    await new Promise((r) => setTimeout(r, 400_000 * 0.01));
    expect(api.get(R.pods, NS, daemon.metadata.name!).metadata.deletionTimestamp).toBeUndefined();
    await annotate(null);
    await waitFor('Ready', () => cond(api.get(R.nodes, undefined, name), 'Ready') === 'True KubeletReady');
  });
});
