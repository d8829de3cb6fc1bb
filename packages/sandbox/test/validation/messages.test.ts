/**
 * Messages as kube-apiserver returns them for the Config CRD (wording from kube-openapi's
 * validate/errors, apiextensions-apiserver's kubeOpenAPIResultToFieldErrors and CEL validator,
 * and apimachinery's field.Error).
 */
import { describe, expect, it } from 'vitest';
import { admit, config, lines, statusMessage } from './helpers.js';

/** The Config CRD has CEL rules: after a blocking schema error kube skips them and says so. */
const SKIPPED =
  '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
const SKIPPED_CAUSE = {
  reason: 'FieldValueInvalid',
  field: '<nil>',
  message: SKIPPED.slice('<nil>: '.length),
};

describe('OpenAPI schema messages', () => {
  it('reports a wrong type with the JSON type as value (FieldValueTypeInvalid)', () => {
    const r = admit(config({ replicas: 'three' }));
    expect(r.causes).toContainEqual({
      reason: 'FieldValueTypeInvalid',
      field: 'spec.replicas',
      message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"',
    });
  });
  it('reports minimum with the bad value', () => {
    expect(lines(config({ replicas: 1, storage: { s3: { chunkSizeMiB: 2 } } }))).toEqual([
      'spec.storage.s3.chunkSizeMiB: Invalid value: 2: spec.storage.s3.chunkSizeMiB in body should be greater than or equal to 5',
    ]);
    expect(lines(config({ replicas: 1, storage: { s3: { chunkSizeMiB: 6000 } } }))).toEqual([
      'spec.storage.s3.chunkSizeMiB: Invalid value: 6000: spec.storage.s3.chunkSizeMiB in body should be less than or equal to 5120',
    ]);
  });
  it('reports a pattern mismatch', () => {
    expect(lines(config({ replicas: 1, rolloutStrategy: 'bad' }))).toEqual([
      'spec.rolloutStrategy: Invalid value: "bad": spec.rolloutStrategy in body should match \'^(RollingUpdate|Recreate)$\'',
    ]);
  });
  it('reports an enum as Unsupported value with every supported value quoted', () => {
    const r = admit(config({ replicas: 1, logLevel: 'x' }));
    expect(r.causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.logLevel',
        message: 'Unsupported value: "x": supported values: "", "Normal", "Debug", "Trace", "TraceAll"',
      },
      SKIPPED_CAUSE,
    ]);
  });
  it('reports a missing required field', () => {
    expect(admit(config({})).causes).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.replicas', message: 'Required value' },
      SKIPPED_CAUSE,
    ]);
    expect(
      admit({
        apiVersion: 'imageregistry.operator.openshift.io/v1',
        kind: 'Config',
        metadata: { name: 'cluster' },
      }).causes,
    ).toEqual([{ reason: 'FieldValueRequired', field: 'spec', message: 'Required value' }, SKIPPED_CAUSE]);
  });
  it('reports maxLength as Too long without the value', () => {
    const r = admit(config({ replicas: 1, storage: { azure: { container: 'a'.repeat(64) } } }));
    expect(r.causes[0]).toEqual({
      reason: 'FieldValueTooLong',
      field: 'spec.storage.azure.container',
      message: 'Too long: may not be longer than 63',
    });
  });
  it('reports minLength', () => {
    expect(lines(config({ replicas: 1, storage: { azure: { container: 'ab' } } }))).toEqual([
      'spec.storage.azure.container: Invalid value: "ab": spec.storage.azure.container in body should be at least 3 chars long',
    ]);
  });
  it('reports a bad Go duration as a format type error', () => {
    expect(lines(config({ replicas: 1, requests: { read: { maxWaitInQueue: 'soon' } } }))).toEqual([
      'spec.requests.read.maxWaitInQueue: Invalid value: "soon": spec.requests.read.maxWaitInQueue in body must be of type duration: "soon"',
      SKIPPED,
    ]);
    expect(lines(config({ replicas: 1, requests: { read: { maxWaitInQueue: '1m30s' } } }))).toEqual([]);
  });
  it('reports wrong nested types in list items with the item index', () => {
    expect(lines(config({ replicas: 1, routes: [{ name: 'a' }, { hostname: 5 }] }))).toEqual([
      'spec.routes[1].hostname: Invalid value: "integer": spec.routes[1].hostname in body must be of type string: "integer"',
      'spec.routes[1].name: Required value',
      SKIPPED,
    ]);
  });
  it('accepts an integral float for an integer and rejects a fraction', () => {
    expect(lines(config({ replicas: 2.0 }))).toEqual([]);
    expect(lines(config({ replicas: 2.5 }))).toEqual([
      'spec.replicas: Invalid value: "number": spec.replicas in body must be of type integer: "number"',
      SKIPPED,
    ]);
  });
  it('validates quantities (int-or-string with a pattern)', () => {
    expect(lines(config({ replicas: 1, resources: { limits: { cpu: 'lots', memory: 512 } } }))).toEqual([
      'spec.resources.limits.cpu: Invalid value: "lots": spec.resources.limits.cpu in body should match \'^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$\'',
    ]);
    expect(lines(config({ replicas: 1, resources: { limits: { cpu: true } } }))).toEqual([
      'spec.resources.limits.cpu: Invalid value: "boolean": spec.resources.limits.cpu in body must be of type integer,string: "boolean"',
      // the CRD also carries the int-or-string anyOf, which kube-openapi checks as well
      '<nil>: Invalid value: "": "spec.resources.limits.cpu" must validate at least one schema (anyOf)',
      'spec.resources.limits.cpu: Invalid value: "boolean": spec.resources.limits.cpu in body must be of type integer: "boolean"',
      SKIPPED,
    ]);
  });
  it('rejects null in a list item where items are not nullable', () => {
    expect(lines(config({ replicas: 1, tolerations: [null] }))).toEqual([
      'spec.tolerations[0]: Invalid value: "null": spec.tolerations[0] in body must be of type object: "null"',
      SKIPPED,
    ]);
  });
});

describe('the 422 message', () => {
  it('names the kind, group and object, and lists several causes in brackets', () => {
    expect(statusMessage(config({ replicas: 'three', rolloutStrategy: 'bad' }))).toBe(
      'Config.imageregistry.operator.openshift.io "cluster" is invalid: [spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string", ' +
        'spec.rolloutStrategy: Invalid value: "bad": spec.rolloutStrategy in body should match \'^(RollingUpdate|Recreate)$\', ' +
        '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]',
    );
  });
  it('has no brackets for a single cause', () => {
    expect(statusMessage(config({ replicas: 1, rolloutStrategy: 'x' }))).toBe(
      'Config.imageregistry.operator.openshift.io "cluster" is invalid: spec.rolloutStrategy: Invalid value: "x": spec.rolloutStrategy in body should match \'^(RollingUpdate|Recreate)$\'',
    );
  });
});

describe('CEL rules', () => {
  it('reports azure networkAccess with the schema type as value', () => {
    const r = admit(
      config({
        replicas: 1,
        storage: { azure: { networkAccess: { type: 'External', internal: { subnetName: 's' } } } },
      }),
    );
    expect(r.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.storage.azure.networkAccess',
        message: 'Invalid value: "object": internal is forbidden when type is not Internal',
      },
    ]);
  });
  it('applies the networkAccess default before the rule runs', () => {
    const r = admit(
      config({ replicas: 1, storage: { azure: { networkAccess: { internal: { subnetName: 's' } } } } }),
    );
    expect(r.object.spec).toMatchObject({ storage: { azure: { networkAccess: { type: 'External' } } } });
    expect(r.causes.map((c) => c.field)).toEqual(['spec.storage.azure.networkAccess']);
    expect(
      lines(
        config({
          replicas: 1,
          storage: { azure: { networkAccess: { type: 'Internal', internal: { subnetName: 's' } } } },
        }),
      ),
    ).toEqual([]);
  });
  it('skips CEL when a blocking error exists and says so', () => {
    const out = lines(
      config({ replicas: 'x', storage: { azure: { networkAccess: { type: 'External', internal: {} } } } }),
    );
    expect(out).toEqual([
      'spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });
  it('evaluates the transition rule self >= oldSelf only on update with an old value', () => {
    const withRev = (n: number) =>
      config({ replicas: 1 }, { status: { storage: {}, storageManaged: false, latestAvailableRevision: n } });
    expect(lines(withRev(3))).toEqual([]);
    expect(lines(withRev(3), { old: withRev(5), subresource: 'status' })).toEqual([
      'status.latestAvailableRevision: Invalid value: "integer": must only increase',
    ]);
    expect(lines(withRev(6), { old: withRev(5), subresource: 'status' })).toEqual([]);
    expect(lines(withRev(6), { old: config({ replicas: 1 }), subresource: 'status' })).toEqual([]);
  });
});
