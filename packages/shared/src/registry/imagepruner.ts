/** `imagepruners.imageregistry.operator.openshift.io` v1 ImagePruner (singleton `cluster`). */
import type { Static } from 'typebox';
import {
  Affinity,
  nodeSelector,
  objectMeta,
  operatorConditions,
  resourceRequirements,
  tolerations,
} from './core.js';
import { bool, duration, int, int32, int64, obj, opt, str, stringEnum } from './keywords.js';
import { LOG_LEVELS } from './config.js';

export const ImagePrunerSpec = obj({
  affinity: opt(Affinity),
  failedJobsHistoryLimit: opt(int32({ description: 'Failed pruner jobs to keep (default 3).' })),
  ignoreInvalidImageReferences: opt(bool()),
  keepTagRevisions: opt(int({ description: 'Revisions per tag to keep (default 3).' })),
  keepYoungerThan: opt(int64({ description: 'Deprecated: use keepYoungerThanDuration.' })),
  keepYoungerThanDuration: opt(duration({ description: 'Keep images younger than this (default 60m).' })),
  logLevel: opt(stringEnum(LOG_LEVELS, { default: 'Normal' })),
  nodeSelector: opt(nodeSelector()),
  resources: opt(resourceRequirements()),
  schedule: opt(str({ description: 'Cron schedule of the pruner (default @daily).' })),
  successfulJobsHistoryLimit: opt(int32()),
  suspend: opt(bool()),
  tolerations: opt(tolerations(false)),
});
export type ImagePrunerSpec = Static<typeof ImagePrunerSpec>;

export const ImagePrunerStatus = obj({
  conditions: opt(operatorConditions(false)),
  observedGeneration: opt(int64()),
});

export const ImagePruner = obj({
  apiVersion: opt(str()),
  kind: opt(str()),
  metadata: objectMeta(),
  spec: ImagePrunerSpec,
  status: opt(ImagePrunerStatus),
});
export type ImagePruner = Static<typeof ImagePruner>;
