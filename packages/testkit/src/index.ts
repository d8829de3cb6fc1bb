/**
 * Helpers for tests of more than one package (the server's integration tests and the e2e
 * tests), so that no test imports another package's internals.
 */
export { ChaosProxy, type ChaosProxyOptions, type FailRule, type ProxiedRequest } from './chaos-proxy.js';
