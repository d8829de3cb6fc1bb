import { ApiException } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { splitWarnings } from '../../src/config/patch-config.js';
import { kubeErrorFromStatus, toKubeError } from '../../src/kube/errors.js';
import { logReadError } from '../../src/kube/node-unreachable.js';
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

describe('a log read whose node cannot be reached (issue 13 item 7)', () => {
  const status = (code: number, message: string) =>
    kubeErrorFromStatus(code, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, code });
  const url = 'https://10.0.0.5:10250/containerLogs/ns/pod/c?tailLines=20';

  it.each([
    `Get "${url}": dial tcp 10.0.0.5:10250: connect: connection refused`,
    `Get "${url}": dial tcp 10.0.0.5:10250: i/o timeout`,
    `Get "${url}": dial tcp 10.0.0.5:10250: connect: no route to host`,
    `Get "${url}": remote error: tls: internal error`,
    'Get https://10.0.0.5:10250/containerLogs/ns/pod/c: net/http: TLS handshake timeout',
  ])('%s → 502 NodeUnreachable, no address', (message) => {
    const e = logReadError(status(500, message));
    expect({ code: e.statusCode, reason: e.reason, message: e.message }).toEqual({
      code: 502,
      reason: 'NodeUnreachable',
      message: 'the node running this pod cannot be reached',
    });
  });

  it('leaves every other answer as it was', () => {
    expect(logReadError(status(400, 'container "x" in pod "p" is waiting to start')).statusCode).toBe(400);
    expect(logReadError(status(404, 'pods "p" not found')).statusCode).toBe(404);
    expect(logReadError(status(500, 'etcdserver: request timed out')).reason).toBe('InternalError');
    expect(logReadError(status(503, 'dial tcp 10.0.0.1:2379: connect: connection refused')).statusCode).toBe(
      503,
    );
  });
});
