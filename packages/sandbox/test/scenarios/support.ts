export * from '../cluster/harness.js';
export { arr as arrOf } from '../../src/core/objects.js';
