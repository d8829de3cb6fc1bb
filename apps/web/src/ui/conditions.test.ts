import { describe, expect, it } from 'vitest';
import { conditionHealth } from './conditions.js';

describe('conditionHealth', () => {
  it.each([
    ['Available', 'True', 'good'],
    ['Available', 'False', 'bad'],
    ['StorageExists', 'True', 'good'],
    ['StorageExists', 'False', 'bad'],
    ['Degraded', 'True', 'bad'],
    ['ImageConfigControllerDegraded', 'False', 'good'],
    ['Progressing', 'True', 'warning'],
    ['NodeCADaemonProgressing', 'True', 'warning'],
    ['Removed', 'True', 'warning'],
    ['Removed', 'False', 'good'],
    ['Available', 'Unknown', 'unknown'],
  ] as const)('%s=%s is %s', (type, status, health) =>
    expect(conditionHealth({ type, status })).toBe(health),
  );
});
