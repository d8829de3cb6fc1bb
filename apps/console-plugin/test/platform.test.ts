import { describe, expect, it } from 'vitest';
import { ApiRoutes, type EventStream } from '@irc/web/platform';
import { createPluginPlatform } from '../src/platform.js';
import { PLUGIN_API_BASE } from '../src/plugin.js';

function recorder() {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify({ ok: true }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { calls, fetch };
}

const streams: string[] = [];
const fakeStream = (url: string): EventStream => {
  streams.push(url);
  return { state: 'connecting', subscribe: () => () => {}, onState: () => () => {}, close() {} };
};

describe('the plugin platform', () => {
  it('calls the BFF through the console proxy alias, keeping the server-side /api prefix', async () => {
    const { calls, fetch } = recorder();
    const platform = createPluginPlatform({ fetch, cookie: () => '', createEventStream: fakeStream });
    await platform.request(ApiRoutes.timeline, { query: { limit: 5 } });
    expect(PLUGIN_API_BASE).toBe('/api/proxy/plugin/image-registry-console-plugin/api/api');
    expect(calls[0]?.url).toBe('/api/proxy/plugin/image-registry-console-plugin/api/api/v1/timeline?limit=5');
    expect(streams.at(-1)).toBe('/api/proxy/plugin/image-registry-console-plugin/api/api/v1/stream');
  });

  it("links a PromQL query to the console's Observe → Metrics page", () => {
    const platform = createPluginPlatform({ cookie: () => '', createEventStream: fakeStream });
    expect(platform.links.metrics?.(['sum(rate(x{code=~"5.."}[1m]))', 'max(y)'])).toBe(
      '/monitoring/query-browser?query0=sum(rate(x%7Bcode%3D~%225..%22%7D%5B1m%5D))&query1=max(y)',
    );
  });

  it("echoes the console's csrf-token cookie on mutations only", async () => {
    const { calls, fetch } = recorder();
    const platform = createPluginPlatform({
      fetch,
      cookie: () => 'openshift-session-token=s; csrf-token=abc%3D123',
      createEventStream: fakeStream,
    });
    await platform.request(ApiRoutes.config);
    await platform.request(ApiRoutes.patchConfig, { body: { patch: { replicas: 2 }, resourceVersion: '1' } });
    const headers = calls.map((c) => c.init?.headers as Record<string, string>);
    expect(headers[0]?.['X-CSRFToken']).toBeUndefined();
    expect(headers[1]?.['X-CSRFToken']).toBe('abc=123');
    expect(calls[1]?.init?.credentials).toBe('same-origin');
  });

  it('links pages under the console route prefix and API downloads through the proxy', () => {
    const platform = createPluginPlatform({ fetch: recorder().fetch, createEventStream: fakeStream });
    expect(platform.links.page('/config/storage')).toBe('/image-registry/config/storage');
    expect(platform.links.page('pods')).toBe('/image-registry/pods');
    expect(platform.links.api('/v1/pods/ns/p/log', { follow: false })).toBe(
      `${PLUGIN_API_BASE}/v1/pods/ns/p/log?follow=false`,
    );
    expect(platform.i18nNamespace).toBe('plugin__image-registry-console-plugin');
  });
});
