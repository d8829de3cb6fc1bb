/**
 * ValidatePodSpec's topology spread rules as kube-apiserver 1.32 answers them
 * (pkg/apis/core/validation: ValidateMaxSkew, ValidateTopologyKey, ValidateWhenUnsatisfiable,
 * ValidateSpreadConstraintNotRepeat, validateMinDomains): a 422 Invalid naming each field, the
 * supported actions listed sorted. The deploy manifests' zone spread (ScheduleAnyway) and the
 * registry's DoNotSchedule spread pass.
 */
import { describe, expect, it } from 'vitest';
import { call } from './http-client.js';
import { failure, statusOf, useSandbox } from './real-server-facts/support.js';

const sandbox = useSandbox();
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const FIELD = 'spec.template.spec.topologySpreadConstraints';

const deployment = (name: string, spread: unknown[]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [{ name: 'c', image: 'quay.io/example/app:1' }],
        topologySpreadConstraints: spread,
      },
    },
  },
});
const zone = (whenUnsatisfiable: unknown, extra: Record<string, unknown> = {}) => ({
  maxSkew: 1,
  topologyKey: 'topology.kubernetes.io/zone',
  whenUnsatisfiable,
  labelSelector: { matchLabels: { app: 'web' } },
  ...extra,
});

describe('topologySpreadConstraints validation (kube-apiserver 1.32)', () => {
  it('an unknown whenUnsatisfiable is 422 Unsupported value with the supported values "DoNotSchedule", "ScheduleAnyway"', async () => {
    const r = await call(sandbox(), 'POST', DEPLOYMENTS, {
      body: deployment('bad-action', [zone('Sometimes')]),
    });
    const message = 'Unsupported value: "Sometimes": supported values: "DoNotSchedule", "ScheduleAnyway"';
    expect(r.status).toBe(422);
    expect(statusOf(r)).toEqual(
      failure(
        422,
        'Invalid',
        `Deployment.apps "bad-action" is invalid: ${FIELD}[0].whenUnsatisfiable: ${message}`,
        {
          name: 'bad-action',
          group: 'apps',
          kind: 'Deployment',
          causes: [{ reason: 'FieldValueNotSupported', message, field: `${FIELD}[0].whenUnsatisfiable` }],
        },
      ),
    );
    expect((await call(sandbox(), 'GET', `${DEPLOYMENTS}/bad-action`)).status).toBe(404);
  });

  it('both actions are accepted', async () => {
    for (const [name, action] of [
      ['spread-anyway', 'ScheduleAnyway'],
      ['spread-strict', 'DoNotSchedule'],
    ] as const) {
      const r = await call(sandbox(), 'POST', DEPLOYMENTS, { body: deployment(name, [zone(action)]) });
      expect([name, r.status]).toEqual([name, 201]);
    }
  });

  it('maxSkew 0, no topologyKey and no whenUnsatisfiable: one cause each, in the validator’s order', async () => {
    const r = await call(sandbox(), 'POST', DEPLOYMENTS, {
      body: deployment('zeroes', [{ maxSkew: 0, labelSelector: { matchLabels: { app: 'web' } } }]),
    });
    expect(r.status).toBe(422);
    expect(statusOf(r).details?.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        message: 'Invalid value: 0: must be greater than zero',
        field: `${FIELD}[0].maxSkew`,
      },
      {
        reason: 'FieldValueRequired',
        message: 'Required value: can not be empty',
        field: `${FIELD}[0].topologyKey`,
      },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"',
        field: `${FIELD}[0].whenUnsatisfiable`,
      },
    ]);
    expect(statusOf(r).message).toBe(
      `Deployment.apps "zeroes" is invalid: [${FIELD}[0].maxSkew: Invalid value: 0: must be greater than zero, ${FIELD}[0].topologyKey: Required value: can not be empty, ${FIELD}[0].whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"]`,
    );
  });

  it('a repeated {topologyKey, whenUnsatisfiable} is a Duplicate on the first of the pair; minDomains needs DoNotSchedule', async () => {
    const r = await call(sandbox(), 'POST', DEPLOYMENTS, {
      body: deployment('repeated', [
        zone('ScheduleAnyway', { minDomains: 2 }),
        zone('ScheduleAnyway', { maxSkew: 2 }),
      ]),
    });
    expect(r.status).toBe(422);
    expect(statusOf(r).details?.causes).toEqual([
      {
        reason: 'FieldValueDuplicate',
        message: 'Duplicate value: "{topology.kubernetes.io/zone, ScheduleAnyway}"',
        field: `${FIELD}[0].{topologyKey, whenUnsatisfiable}`,
      },
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway',
        field: `${FIELD}[0].minDomains`,
      },
    ]);
  });
});
