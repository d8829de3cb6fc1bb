/** The checklist over what was gathered: every step, in the checklist's order. */
import type { DiagnosticsResponse } from '@irc/shared';
import { clusterOperatorStep, configStep } from './checks-config.js';
import { eventsStep } from './checks-events.js';
import { operatorStep } from './checks-operator.js';
import { nodeCaStep, prunerStep } from './checks-pruner.js';
import { registryDeploymentStep, registryPodsStep } from './checks-registry.js';
import { routesStep } from './checks-routes.js';
import { storageStep } from './checks-storage.js';
import { facts } from './context.js';
import type { Gathered } from './gather.js';
import { analyzeStorage } from './storage-analysis.js';
import { headline, worst } from './step.js';

export function runChecklist(g: Gathered, now = Date.now()): DiagnosticsResponse {
  const f = facts(g, now);
  const storage = analyzeStorage(f);
  const steps = [
    clusterOperatorStep(f),
    configStep(f),
    registryDeploymentStep(f),
    registryPodsStep(f, storage),
    operatorStep(f, storage),
    storageStep(f, storage),
    routesStep(f),
    prunerStep(f),
    nodeCaStep(f),
    eventsStep(f),
  ];
  const top = headline(steps);
  return {
    generatedAt: new Date(now).toISOString(),
    verdict: worst(...steps.map((s) => s.verdict)),
    ...(top ? { headline: top } : {}),
    steps,
  };
}
