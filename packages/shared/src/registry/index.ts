/**
 * The cluster objects the console touches, as TypeBox schemas carrying Kubernetes
 * structural-schema keywords: runtime validation + TS types (server, UI) + CRD schemas (sandbox).
 */
import { registerKubeFormats } from './formats.js';

registerKubeFormats();

export * from './keywords.js';
export * from './formats.js';
export * from './core.js';
export * from './storage.js';
export * from './config.js';
export * from './clusteroperator.js';
export * from './image.js';
export * from './imagepruner.js';
export * from './route.js';
export * from './consoleplugin.js';
export * from './conditions.js';
export * from './names.js';
export * from './kinds.js';
