import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/options.js';

describe('command line', () => {
  it('defaults to 127.0.0.1:9000, kubeconfig mode', () => {
    expect(parseCli([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      authMode: 'kubeconfig',
      secureCookie: false,
      allowedHosts: [],
    });
    expect(parseCli([], {}).trustProxy).toBeUndefined();
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
  it('WATCH_STALL_MS and the per-identity caps come from the environment; unset means the defaults', () => {
    const o = parseCli([], {
      WATCH_STALL_MS: '4000',
      MAX_FOLLOWED_LOGS_PER_USER: '3',
      MAX_STREAMS_PER_USER: '5',
    });
    expect(o.watchStallMs).toBe(4000);
    expect(o.identityLimits).toEqual({ followedLogs: 3, streams: 5 });
    expect(parseCli([], { MAX_STREAMS_PER_USER: '2' }).identityLimits).toEqual({ streams: 2 });
    const defaults = parseCli([], { WATCH_STALL_MS: ' ' });
    expect(defaults.watchStallMs).toBeUndefined();
    expect(defaults.identityLimits).toBeUndefined();
    for (const bad of ['0', '-1', '1.5', '2e3', 'ten'])
      expect(() => parseCli([], { MAX_STREAMS_PER_USER: bad })).toThrow(
        /MAX_STREAMS_PER_USER must be a whole number/,
      );
    expect(() => parseCli([], { WATCH_STALL_MS: '0' })).toThrow(/WATCH_STALL_MS/);
  });
  it('refuses unknown modes, ports and flags', () => {
    expect(() => parseCli(['--auth', 'magic'], {})).toThrow(/kubeconfig or token/);
    expect(() => parseCli([], { PORT: '99999' })).toThrow(/port/);
    expect(() => parseCli(['--bogus'], {})).toThrow();
  });

  it('ALLOWED_HOSTS: names, *.domains and /regexes/; a malformed entry stops the start', () => {
    expect(
      parseCli([], { ALLOWED_HOSTS: ' console.example.com, *.apps.example.com,/irc-[0-9]+/ ,' }).allowedHosts,
    ).toEqual(['console.example.com', '*.apps.example.com', '/irc-[0-9]+/']);
    expect(() => parseCli([], { ALLOWED_HOSTS: 'console.example.com:8443' })).toThrow(/port/);
    expect(() => parseCli([], { ALLOWED_HOSTS: 'user@console' })).toThrow(/not a host name/);
    expect(() => parseCli([], { ALLOWED_HOSTS: '/(/' })).toThrow(/regular expression/);
    expect(() => parseCli(['--allowed-hosts', '*.[::1]'], {})).toThrow(/not a host name/);
  });
  it('in a pod: the Service DNS names and the pod IPs are allowed', () => {
    const o = parseCli([], {
      SERVICE_NAME: 'image-registry-console',
      POD_NAMESPACE: 'irc',
      POD_IPS: '10.128.2.17,fd02::1f',
      ALLOWED_HOSTS: 'console.example.com',
    });
    expect(o.allowedHosts).toEqual([
      'console.example.com',
      'image-registry-console',
      'image-registry-console.irc',
      'image-registry-console.irc.svc',
      'image-registry-console.irc.svc.cluster.local',
      '10.128.2.17',
      'fd02::1f',
    ]);
  });
  it('TRUST_PROXY takes the proxies\' addresses, never "trust everyone"', () => {
    expect(parseCli([], { TRUST_PROXY: '127.0.0.1, 10.128.0.0/14,loopback,fd00::/8' }).trustProxy).toBe(
      '127.0.0.1,10.128.0.0/14,loopback,fd00::/8',
    );
    expect(parseCli(['--trust-proxy', '0'], {}).trustProxy).toBeUndefined();
    for (const bad of ['1', 'true', '*', '10.0.0.0/33', 'proxy.example.com'])
      expect(() => parseCli([], { TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});
