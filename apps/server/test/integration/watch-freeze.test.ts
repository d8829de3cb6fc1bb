/**
 * A hung cluster API as the chaos proxy plays it (freezeWatches: connections stay open, nothing
 * arrives) with the stall bound set short, as WATCH_STALL_MS does for the e2e run: every kind
 * goes `stalled` on the stream with the reason, a change made meanwhile is not lost, and after
 * the thaw each kind is `synced` again and the change arrives.
 */
import type { ChangeEvent, StateEvent, StreamKind } from '@irc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultRig, type FaultRig } from '../helpers/fault-rig.js';
import { openStream, until, type SseMessage } from './harness.js';

const CONFIG = { group: 'imageregistry.operator.openshift.io', version: 'v1', resource: 'configs' };
const KINDS: StreamKind[] = ['Config', 'ClusterOperator', 'Deployment', 'Pod', 'Event'];
const MARK = 'freeze.irc.example/mark';
// The sandbox (time scale 0.01) sends a bookmark on every watch about every 0.6 s.
const STALL_MS = 4000;

const states = (messages: SseMessage[]) =>
  messages.filter((m) => m.event === 'state').map((m) => JSON.parse(m.data) as StateEvent);
const latestState = (messages: SseMessage[], kind: StreamKind) =>
  states(messages)
    .filter((s) => s.kind === kind)
    .at(-1);

describe('watches frozen by a hung API', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startFaultRig({ watchStallMs: STALL_MS });
    await until(() => KINDS.every((k) => rig.app.hub.state(k) === 'synced'), 'the hub to sync', 30_000, 100);
  }, 60_000);
  afterAll(async () => rig?.stop());

  it('every kind is stalled with the reason while frozen, then synced again with what changed meanwhile', async () => {
    const stream = openStream(`${rig.baseUrl}/api/v1/stream`);
    await stream.ready;
    await until(
      () => KINDS.every((k) => latestState(stream.messages, k)?.state === 'synced'),
      'synced states',
    );

    rig.proxy.freezeWatches();
    await until(
      () => KINDS.every((k) => latestState(stream.messages, k)?.state === 'stalled'),
      'every kind to be stalled',
      STALL_MS * 4,
    );
    expect(latestState(stream.messages, 'Config')?.message).toMatch(
      /no event or bookmark from the cluster API on the Config watch for 4 s: live updates are paused/,
    );
    // the watches reconnect (and freeze again) rather than waiting for ever on the first one
    const frozenSince = stream.messages.length;
    await rig.sandbox.api().patch(CONFIG, undefined, 'cluster', 'merge', {
      metadata: { annotations: { [MARK]: 'while-frozen' } },
    });
    await until(() => rig.proxy.openWatchCount >= KINDS.length, 'the watches to be open (frozen)');
    expect(
      stream.messages
        .slice(frozenSince)
        .some((m) => m.event === 'change' && (JSON.parse(m.data) as ChangeEvent).kind === 'Config'),
    ).toBe(false);

    rig.proxy.thawWatches();
    await until(
      () => KINDS.every((k) => latestState(stream.messages, k)?.state === 'synced'),
      'every kind synced again',
      STALL_MS * 4,
    );
    await until(
      () =>
        stream.messages.some((m) => {
          if (m.event !== 'change') return false;
          const c = JSON.parse(m.data) as ChangeEvent;
          const annotations = (c.object as { metadata?: { annotations?: Record<string, string> } }).metadata
            ?.annotations;
          return c.kind === 'Config' && annotations?.[MARK] === 'while-frozen';
        }),
      'the change made while frozen',
    );
    stream.close();
  }, 90_000);
});
