/** Test fixtures on the sandbox: the registry's Config as the operator (or we) created it. */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigResponse, PatchConfigResponse, SectionPatch } from '@irc/shared';
import { afterAll, beforeAll } from 'vitest';
import type { AppOptions } from '../../src/app.js';
import { startHarness, until, type Harness } from './harness.js';

const EVENTS = { group: '', version: 'v1', resource: 'events' };

/**
 * A core/v1 Warning Event about the registry Deployment, created straight in the sandbox (as any
 * writer could), reported by `component`.
 */
export function createRegistryEvent(
  h: Harness,
  name: string,
  message: string,
  at: Date,
  component: string,
): void {
  const namespace = 'openshift-image-registry';
  const ts = at.toISOString().replace(/\.\d+Z$/, 'Z');
  h.sandbox.api().create(EVENTS, namespace, {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace },
    involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'image-registry', namespace },
    reason: 'Flood',
    message,
    type: 'Warning',
    source: { component },
    firstTimestamp: ts,
    lastTimestamp: ts,
    count: 1,
  });
}

/** The Config the sandbox's operator bootstraps (`cluster`), once the console can read it. */
export async function ensureConfig(h: Harness): Promise<ConfigResponse> {
  return until(
    async () => {
      const res = await h.fetch('/api/v1/config');
      return res.status === 200 ? ((await res.json()) as ConfigResponse) : undefined;
    },
    'the operator to bootstrap configs/cluster',
    30_000,
    200,
  );
}

interface RegistryDeployment {
  metadata: { generation?: number };
  spec: {
    replicas?: number;
    template: { spec: { containers: { env?: { name: string; value?: string }[] }[] } };
  };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number };
}

/**
 * Waits for the operator's start-up rollout to end. Like the real operator, it writes the
 * observed TLS profile (spec.observedConfig) by a second update of the Config and then rolls the
 * registry with the TLS env; a test that picked a registry pod before that roll would follow a pod
 * that is about to go. Gives up quietly after 45 s: some files start on purpose broken.
 */
export async function registrySettled(h: Harness): Promise<void> {
  const settled = async (): Promise<boolean> => {
    const config = JSON.parse(
      await h.kubectl('get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json'),
    ) as { spec: { observedConfig?: { servingInfo?: { minTLSVersion?: string } } } };
    const minTLS = config.spec.observedConfig?.servingInfo?.minTLSVersion;
    if (!minTLS) return false;
    const d = JSON.parse(
      await h.kubectl('get', 'deployment', 'image-registry', '-n', 'openshift-image-registry', '-o', 'json'),
    ) as RegistryDeployment;
    const env = d.spec.template.spec.containers.flatMap((c) => c.env ?? []);
    const s = d.status ?? {};
    return (
      env.some((e) => e.name === 'REGISTRY_HTTP_TLS_MINVERSION' && e.value === minTLS) &&
      s.observedGeneration === d.metadata.generation &&
      s.updatedReplicas === (d.spec.replicas ?? 1) &&
      s.replicas === s.updatedReplicas
    );
  };
  await until(
    async () => ((await settled().catch(() => false)) ? true : undefined),
    'the registry rollout',
    45_000,
    500,
  ).catch(() => undefined);
}

/**
 * PATCH with the resourceVersion just read; the operator's own status writes also bump the
 * resourceVersion, so a 409 here is retried with the fresh object (what the UI's rebase does).
 */
export async function patchFresh(
  h: Harness,
  patch: SectionPatch,
  opts: { dryRun?: boolean; token?: string } = {},
): Promise<{ status: number; body: PatchConfigResponse & Record<string, unknown> }> {
  for (let i = 0; ; i++) {
    const current = (await (await h.fetch('/api/v1/config', { token: opts.token })).json()) as ConfigResponse;
    const res = await h.fetch('/api/v1/config', {
      method: 'PATCH',
      token: opts.token,
      body: JSON.stringify({
        patch,
        resourceVersion: current.resourceVersion,
        ...(opts.dryRun ? { dryRun: true } : {}),
      }),
    });
    if (res.status === 409 && i < 5) continue;
    return { status: res.status, body: (await res.json()) as PatchConfigResponse & Record<string, unknown> };
  }
}

/** `kubectl patch` of the Config's spec (merge), as an admin at a terminal would. */
export async function kubectlPatchConfig(h: Harness, spec: Record<string, unknown>): Promise<void> {
  await h.kubectl(
    'patch',
    'configs.imageregistry.operator.openshift.io/cluster',
    '--type',
    'merge',
    '-p',
    JSON.stringify({ spec }),
  );
}

export function spec(c: ConfigResponse): Record<string, unknown> {
  return (c.config as unknown as { spec: Record<string, unknown> }).spec;
}

/**
 * A sandbox + server for one test file, started before its tests (once the operator has
 * bootstrapped the Config) and stopped after them.
 */
export function registryHarness(
  opts: Partial<AppOptions> = {},
  setup?: (h: Harness) => Promise<void>,
): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await startHarness(opts);
    await ensureConfig(current);
    await registrySettled(current);
    await setup?.(current);
  }, 90_000);
  afterAll(async () => current?.stop());
  return new Proxy({} as Harness, {
    get: (_target, key) => {
      if (!current) throw new Error('the harness is not started yet');
      return current[key as keyof Harness];
    },
  });
}

/**
 * An ordinary `kubectl apply` of the Config: its live spec (with `overrides`), so kubectl keeps
 * the applied object — httpSecret included — in the last-applied-configuration annotation.
 */
export async function kubectlApplyConfig(h: Harness, overrides: Record<string, unknown> = {}): Promise<void> {
  const live = JSON.parse(
    await h.kubectl('get', 'configs.imageregistry.operator.openshift.io', 'cluster', '-o', 'json'),
  ) as { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, unknown> };
  const manifest = join(tmpdir(), `irc-applied-${process.pid}-${Date.now()}.json`);
  const { apiVersion, kind } = live;
  writeFileSync(
    manifest,
    JSON.stringify({
      apiVersion,
      kind,
      metadata: { name: live.metadata.name },
      spec: { ...live.spec, ...overrides },
    }),
  );
  try {
    await h.kubectl('apply', '-f', manifest);
  } finally {
    rmSync(manifest, { force: true });
  }
}
