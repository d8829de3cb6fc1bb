import http from 'node:http';
import { NodeUnreachableError, type DiagnosticsResponse, type PodsResponse } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { until } from './harness.js';
import { registryHarness } from './registry.js';

/**
 * A pod whose node cannot be reached (issue 13 item 7): kube-apiserver answers the log read with
 * 500 and the kubelet URL (`Get "https://10.0.x.y:10250/containerLogs/…": dial tcp …`). The
 * console answers 502 "the node running this pod cannot be reached" with no address or URL, and
 * the diagnostics checklist says it could not read that log instead of calling the step ok.
 */
const NS = 'openshift-image-registry';
/** What must never reach a browser: the node's address, the kubelet port and URL, the dial error. */
const LEAKS = [/10\.0\.\d+\.\d+/, /10250/, /containerLogs/, /dial tcp/, /connection refused/];

describe('a pod on a node whose kubelet is down', () => {
  const h = registryHarness();

  it('the log answers 502 without the node address; diagnostics says it could not read it', async () => {
    const pods = await until(
      async () => {
        const p = (await (await h.fetch('/api/v1/pods')).json()) as PodsResponse;
        return p.pods.some((x) => x.component === 'registry' && x.ready) ? p : undefined;
      },
      'a ready registry pod',
      30_000,
      250,
    );
    await h.scenario('node-unreachable', true);
    try {
      const node = (
        JSON.parse(await h.kubectl('get', 'nodes', '-o', 'json')) as {
          items: Array<{ metadata: { name: string; annotations?: Record<string, string> } }>;
        }
      ).items.find((n) => n.metadata.annotations?.['sandbox.irc/kubelet'] === 'stopped')!.metadata.name;
      const pod = pods.pods.find((p) => p.component === 'registry' && p.node === node)!;
      expect(pod).toBeDefined();

      // What the API server says, so the test shows what the console hides.
      const upstream = await h
        .kubectl('get', '--raw', `/api/v1/namespaces/${NS}/pods/${pod.name}/log?container=registry`)
        .then(
          () => '',
          (e: { stderr?: string }) => String(e.stderr ?? e),
        );
      expect(upstream).toMatch(/10250\/containerLogs/);

      for (const query of [
        'container=registry&tailLines=20',
        'container=registry&follow=true&timestamps=true',
      ]) {
        const res = await h.fetch(`/api/v1/pods/${NS}/${pod.name}/log?${query}`);
        const text = await res.text();
        expect({ query, status: res.status }).toEqual({ query, status: 502 });
        expect(JSON.parse(text)).toEqual({
          statusCode: 502,
          reason: 'NodeUnreachable',
          message: NodeUnreachableError.message,
        });
        for (const leak of LEAKS) expect(`${text} ${JSON.stringify([...res.headers])}`).not.toMatch(leak);
      }

      // A raw follow over HTTP/1.1 ends with the JSON error too (no hanging stream).
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get(`${h.baseUrl}/api/v1/pods/${NS}/${pod.name}/log?follow=true&container=registry`, (r) => {
            r.resume();
            r.on('end', () => resolve(r.statusCode ?? 0));
          })
          .on('error', reject);
      });
      expect(status).toBe(502);

      const d = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
      const body = JSON.stringify(d);
      for (const leak of LEAKS) expect(body).not.toMatch(leak);
      const registry = d.steps.find((s) => s.id === 'registry-pods')!;
      expect(registry.verdict).not.toBe('ok');
      const unread = registry.findings.find((f) => f.code === 'cannot-read' && f.summary.includes(pod.name));
      expect(unread).toMatchObject({
        severity: 'unknown',
        summary: `Could not check: the log of ${pod.name} could not be read: ${NodeUnreachableError.message}`,
      });
      expect(unread?.nextStep).toMatch(/node/);
      // the cause, once the node lifecycle controller has marked the node (50 s grace, 0.5 s here)
      const nodeStep = await until(
        async () => {
          const again = (await (await h.fetch('/api/v1/diagnostics')).json()) as DiagnosticsResponse;
          const step = again.steps.find((s) => s.id === 'registry-pods')!;
          return step.findings.some((f) => f.code === 'node-not-ready') ? step : undefined;
        },
        'the node-not-ready finding',
        20_000,
        250,
      );
      expect(nodeStep.verdict).toBe('failing');
      expect(nodeStep.findings.find((f) => f.code === 'node-not-ready')).toMatchObject({
        object: { kind: 'Node', name: node },
        summary: expect.stringContaining(pod.name),
      });
    } finally {
      await h.scenario('node-unreachable', false);
    }
  }, 90_000);
});
