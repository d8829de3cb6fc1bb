import { describe, expect, it } from 'vitest';
import { REDACTED, forBrowser } from '../../src/kube/resources.js';

describe('forBrowser', () => {
  it('drops managedFields and redacts the Config httpSecret, leaving the input untouched', () => {
    const config = {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', managedFields: [{ manager: 'x' }] },
      spec: { replicas: 2, httpSecret: 'f'.repeat(128) },
    };
    const out = forBrowser(config);
    expect(out.metadata).toEqual({ name: 'cluster' });
    expect(out.spec).toEqual({ replicas: 2, httpSecret: REDACTED });
    expect(config.spec.httpSecret).toBe('f'.repeat(128));
  });

  it('keeps an unset httpSecret as it is', () => {
    const out = forBrowser({ kind: 'Config', metadata: { name: 'cluster' }, spec: { replicas: 1 } });
    expect(out.spec).toEqual({ replicas: 1 });
  });
});
