/**
 * Issue 13 item 2: what the namespace holds must not decide whether the stream works. Three
 * Events with 800 KB messages in openshift-image-registry used to make every /api/v1/stream
 * close with 0 bytes (the initial snapshot counted against the 1 MiB slow-client limit).
 */
import type { ChangeEvent, SnapshotEvent } from '@irc/shared';
import { describe, expect, it } from 'vitest';
import { openStream, until, type Harness } from './harness.js';
import { createRegistryEvent, kubectlPatchConfig, registryHarness } from './registry.js';

const createEvent = (h: Harness, name: string, message: string, at: Date) =>
  createRegistryEvent(h, name, message, at, 'stream-bounds-test');

function snapshotOf(messages: { event: string; data: string }[], kind: string): SnapshotEvent | undefined {
  for (const m of messages) {
    if (m.event !== 'snapshot') continue;
    const s = JSON.parse(m.data) as SnapshotEvent;
    if (s.kind === kind) return s;
  }
  return undefined;
}

const messageOf = (o: unknown) => String((o as { message?: unknown }).message ?? '');

describe('stream bounds: large and many Events', () => {
  const h = registryHarness();

  it('streams through three Events with 800 KB messages: long messages are cut with a visible marker', async () => {
    const t0 = Date.now() - 30_000;
    for (let i = 0; i < 3; i++) createEvent(h, `huge-${i}`, `${i}:` + 'x'.repeat(800_000), new Date(t0 + i));
    await until(
      () => h.app.hub.items('Event').filter((e) => e.metadata?.name?.startsWith('huge-')).length === 3,
      'the hub to see the three Events',
    );

    const s = openStream(`${h.baseUrl}/api/v1/stream`);
    await s.ready;
    expect(s.status).toBe(200);
    await until(
      () => s.messages.filter((m) => m.event === 'snapshot').length === 5,
      'five snapshots',
      10_000,
    );
    const events = snapshotOf(s.messages, 'Event');
    const huge = events?.items.filter((e) => e.metadata.name?.startsWith('huge-')) ?? [];
    expect(huge).toHaveLength(3);
    for (const e of huge) {
      const message = messageOf(e);
      expect(message.length).toBeLessThan(10_000);
      expect(message).toMatch(/… \[truncated, 800,002 characters\]$/);
    }

    // The stream is alive after the snapshot: a change made now arrives.
    await kubectlPatchConfig(h, { logLevel: 'Debug' });
    await until(
      () =>
        s.messages.some((m) => {
          if (m.event !== 'change') return false;
          const c = JSON.parse(m.data) as ChangeEvent;
          return (
            c.kind === 'Config' && (c.object as { spec?: { logLevel?: string } }).spec?.logLevel === 'Debug'
          );
        }),
      'the Config change after the snapshot',
      5000,
    );
    s.close();
  });

  it('streams through several MB of Events: the newest are sent, the count of older ones is said', async () => {
    // Recent timestamps: the sandbox's event TTL (3 h, scaled to ~2 min in tests) keeps them.
    const t0 = Date.now() - 30_000;
    // 250 × 20 KB: 5 MB in the namespace, more Events than a snapshot carries.
    for (let i = 0; i < 250; i++)
      createEvent(h, `many-${String(i).padStart(3, '0')}`, 'y'.repeat(20_000), new Date(t0 + i * 100));
    await until(
      () => h.app.hub.items('Event').filter((e) => e.metadata?.name?.startsWith('many-')).length === 250,
      'the hub to see the 250 Events',
    );

    const streams = Array.from({ length: 5 }, () => openStream(`${h.baseUrl}/api/v1/stream`));
    for (const s of streams) {
      await s.ready;
      expect(s.status).toBe(200);
    }
    await until(
      () => streams.every((s) => s.messages.filter((m) => m.event === 'state').length >= 5),
      'every stream to get its snapshots and states',
      15_000,
    );
    for (const s of streams) {
      const events = snapshotOf(s.messages, 'Event');
      expect(events).toBeDefined();
      // The newest 200 are sent (the sandbox's own Events may come and go meanwhile), the rest counted.
      expect(events?.items).toHaveLength(200);
      expect(events?.omitted).toBeGreaterThanOrEqual(50);
      const names = new Set(events?.items.map((e) => e.metadata.name));
      expect(names.has('many-249')).toBe(true);
      expect(names.has('many-000')).toBe(false);
      const bytes = s.messages.reduce((n, m) => n + m.data.length, 0);
      expect(bytes).toBeLessThan(2 * 2 ** 20);
      s.close();
    }
  });
});
