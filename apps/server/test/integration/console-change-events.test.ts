/**
 * Console changes are Kubernetes Events on the changed object, created as the user who made
 * them: `kubectl get events` shows them, and another replica's timeline (one that did not make
 * the change) shows the same change entry.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimelineResponse } from '@irc/shared';
import { startHarness, until, type Harness } from './harness.js';
import { patchFresh } from './registry.js';

describe('console changes as Events', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 60_000);
  afterAll(async () => h?.stop());

  test('a saved Config change: an Event in default on configs/cluster, and every replica shows it', async () => {
    const other = await h.startServer({});
    const { status } = await patchFresh(h, { logLevel: 'Debug' });
    expect(status).toBe(200);

    const events = JSON.parse(
      await h.kubectl(
        'get',
        'events',
        '-n',
        'default',
        '--field-selector',
        'reason=ConsoleChange',
        '-o',
        'json',
      ),
    ) as {
      items: Array<{
        involvedObject: { kind: string; name: string; apiVersion?: string };
        message: string;
        reportingComponent: string;
      }>;
    };
    const event = events.items.at(-1);
    expect(event?.involvedObject).toMatchObject({
      kind: 'Config',
      name: 'cluster',
      apiVersion: 'imageregistry.operator.openshift.io/v1',
    });
    expect(event?.reportingComponent).toBe('image-registry-console');
    expect(event?.message).toMatch(/changed .* through the console: oc patch/);

    const changes = async (baseUrl: string) => {
      const res = await h.fetch(`${baseUrl}/api/v1/timeline?type=change`);
      return ((await res.json()) as TimelineResponse).entries;
    };
    const here = await changes(h.baseUrl);
    const there = await until(async () => {
      const e = await changes(other.baseUrl);
      return e.length > 0 ? e : undefined;
    }, 'the change on the other replica');
    expect(there[0]).toEqual(here[0]);
    expect(here[0]).toMatchObject({ type: 'change', object: { kind: 'Config', name: 'cluster' } });
    expect(here[0]?.type === 'change' && here[0].change.ocCommand).toMatch(/^oc patch/);
  });
});
