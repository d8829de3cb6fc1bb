import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { splitWarnings } from '../../src/config/patch-config.js';
import { toKubeError } from '../../src/kube/errors.js';
import { validationPath } from '../../src/platform/errors.js';

describe('Kubernetes error mapping', () => {
  it('parses the Status body of an ApiException and never keeps its message', () => {
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
      message:
        'Config.imageregistry.operator.openshift.io "cluster" is invalid: spec.replicas: Invalid value: "string"',
      details: {
        causes: [
          {
            reason: 'FieldValueTypeInvalid',
            field: 'spec.replicas',
            message: 'Invalid value: "string": spec.replicas in body must be of type integer',
          },
        ],
      },
    };
    const e = toKubeError(
      new ApiException(
        422,
        'HTTP-Code: 422 Message: … Headers: {"authorization":"Bearer secret"}',
        JSON.stringify(status),
        {},
      ),
    );
    expect(e.statusCode).toBe(422);
    expect(e.reason).toBe('Invalid');
    expect(e.message).not.toContain('Bearer');
    expect(e.fieldErrors).toEqual([
      {
        path: 'spec.replicas',
        message: 'Invalid value: "string": spec.replicas in body must be of type integer',
      },
    ]);
  });

  it('maps 401 without body, 404 plain text, network and abort errors', () => {
    expect(toKubeError(new ApiException(401, 'x', undefined, {})).reason).toBe('Unauthorized');
    expect(toKubeError(new ApiException(404, 'x', '404 page not found', {})).reason).toBe('NotFound');
    expect(
      toKubeError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', type: 'system' }))
        .statusCode,
    ).toBe(503);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    expect(toKubeError(abort).statusCode).toBe(504);
  });

  it('splits joined Warning headers', () => {
    expect(splitWarnings('299 - "unknown field \\"spec.x\\"", 299 - "deprecated: logging"')).toEqual([
      'unknown field "spec.x"',
      'deprecated: logging',
    ]);
    expect(splitWarnings(undefined)).toEqual([]);
  });

  it('turns ajv paths into spec field paths', () => {
    expect(validationPath('/patch/routes/0/name')).toBe('spec.routes[0].name');
    expect(validationPath('/patch', 'replicas')).toBe('spec.replicas');
    expect(validationPath('/values', 'X')).toBe('values.X');
  });
});
