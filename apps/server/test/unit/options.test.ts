import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/options.js';

describe('command line', () => {
  it('defaults to 127.0.0.1:9000, kubeconfig mode', () => {
    expect(parseCli([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      authMode: 'kubeconfig',
      secureCookie: false,
      trustProxy: false,
    });
  });
  it('reads flags before environment', () => {
    const o = parseCli(
      ['--kubeconfig', '/k', '--context', 'viewer', '--auth', 'token', '--port', '9101', '--secure-cookie'],
      { PORT: '1', HOST: '0.0.0.0', AUTH_MODE: 'kubeconfig' },
    );
    expect(o).toMatchObject({
      kubeconfigPath: '/k',
      context: 'viewer',
      authMode: 'token',
      port: 9101,
      host: '0.0.0.0',
      secureCookie: true,
    });
  });
  it('refuses unknown modes, ports and flags', () => {
    expect(() => parseCli(['--auth', 'magic'], {})).toThrow(/kubeconfig or token/);
    expect(() => parseCli([], { PORT: '99999' })).toThrow(/port/);
    expect(() => parseCli(['--bogus'], {})).toThrow();
  });
});
