import { describe, expect, it } from 'vitest';
import { createPluginPlatform, PLUGIN_API_BASE } from './platform.js';

describe('plugin platform', () => {
  it('talks to the BFF through the console proxy and links below the console route', () => {
    class NoEventSource {
      readyState = 0;
      onopen = null;
      onerror = null;
      url: string;
      constructor(url: string) {
        this.url = url;
        created.push(url);
      }
      addEventListener() {}
      close() {}
    }
    const created: string[] = [];
    const original = globalThis.EventSource;
    globalThis.EventSource = NoEventSource as unknown as typeof EventSource;
    try {
      const platform = createPluginPlatform();
      expect(platform.apiBase).toBe(PLUGIN_API_BASE);
      expect(created).toEqual(['/api/proxy/plugin/image-registry-console-plugin/api/api/v1/stream']);
      expect(platform.links.page('/pods')).toBe('/image-registry/pods');
      expect(platform.links.api('/v1/pods', { follow: true })).toBe('/api/proxy/plugin/image-registry-console-plugin/api/api/v1/pods?follow=true');
      platform.eventStream.close();
    } finally {
      globalThis.EventSource = original;
    }
  });
});
