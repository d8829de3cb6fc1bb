export * from './core/types.js';
export * from './core/errors.js';
