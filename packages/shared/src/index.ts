export * from './registry/index.js';
export * from './api/index.js';
export * from './rules/index.js';
export * from './logs/index.js';
