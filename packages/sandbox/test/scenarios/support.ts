export * from '../cluster/harness.js';
export { arr as arrOf } from '../../src/cluster/objects.js';
