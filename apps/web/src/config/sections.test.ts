import { SectionPatchSchema } from '@irc/shared';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { ConfigSpec } from '../api/contract.js';
import type { ConfigData } from '../api/config.js';
import { advancedSection } from './advanced/advancedDraft.js';
import { evaluateSection, summarizeConflict, type SectionDefinition } from './editor/sectionModel.js';
import { proxySection } from './proxy/ProxySection.js';
import { replicasSection } from './replicas/replicasDraft.js';
import { requestsSection } from './requests/RequestsSection.js';
import { routesSection } from './routes/RoutesSection.js';
import { storageSection } from './storage/storageDraft.js';

function data(spec: ConfigSpec): ConfigData {
  return {
    config: {
      apiVersion: 'imageregistry.operator.openshift.io/v1',
      kind: 'Config',
      metadata: { name: 'cluster', resourceVersion: '9' },
      spec,
    },
    resourceVersion: '9',
  };
}

const full: ConfigSpec = {
  replicas: 2,
  rolloutStrategy: 'RollingUpdate',
  logLevel: 'Normal',
  proxy: { http: 'http://p:3128' },
  defaultRoute: true,
  routes: [{ name: 'public', hostname: 'r.example.com' }],
  requests: { read: { maxRunning: 10, maxWaitInQueue: '30s' }, write: {} },
  nodeSelector: { 'node-role.kubernetes.io/infra': '' },
  tolerations: [{ key: 'infra', operator: 'Exists', effect: 'NoSchedule' }],
  resources: { requests: { cpu: '100m', memory: '256Mi' } },
  readOnly: false,
};

const sections: [string, SectionDefinition<unknown>][] = [
  ['replicas', replicasSection as SectionDefinition<unknown>],
  ['proxy', proxySection as SectionDefinition<unknown>],
  ['routes', routesSection as SectionDefinition<unknown>],
  ['requests', requestsSection as SectionDefinition<unknown>],
  ['advanced', advancedSection as SectionDefinition<unknown>],
];

/** A live spec from a newer API: fields the contract does not declare, at every depth. */
const newer = {
  ...full,
  proxy: { http: 'http://p:3128', future: 'x' },
  routes: [{ name: 'public', hostname: 'r.example.com', future: 'x' }],
  requests: { read: { maxRunning: 10, future: 1 }, future: {} },
  tolerations: [{ key: 'infra', operator: 'Exists', future: 'x' }],
  resources: { requests: { cpu: '100m' }, claims: [{ name: 'c' }] },
  storage: {
    managementState: 'Managed',
    s3: { bucket: 'b', region: 'r', future: 1, trustedCA: { name: 'ca', future: 2 } },
  },
  future: true,
} as unknown as ConfigSpec;

describe('section forms', () => {
  it.each([...sections, ['storage', storageSection as SectionDefinition<unknown>] as const])(
    '%s: sends only fields the contract declares, even over a newer live object (the server refuses others)',
    (_name, section) => {
      const { patch } = section.toPatch(section.fromSpec(newer), newer);
      expect([...Value.Errors(SectionPatchSchema, patch)]).toEqual([]);
    },
  );

  it.each(sections)(
    '%s: an untouched form is not a change, for a full and an empty spec',
    (_name, section) => {
      for (const spec of [full, { replicas: 1 }]) {
        const base = data(spec);
        expect(evaluateSection(section, section.fromSpec(spec), base).merge.patch).toEqual({});
      }
    },
  );

  it('replicas: validates as you type, with the operator’s wording', () => {
    const base = data(full);
    const errors = (replicas: string) =>
      evaluateSection(replicasSection, { replicas, rolloutStrategy: 'RollingUpdate' }, base).errors;
    expect(errors('-1')).toContainEqual({
      path: 'spec.replicas',
      message: 'replicas must be greater than or equal to 0',
    });
    expect(errors('two')).toContainEqual({ path: 'spec.replicas', message: 'must be a whole number' });
    expect(errors('3')).toEqual([]);
  });

  it('replicas: a ReadWriteOnce claim needs one replica and Recreate', () => {
    const spec: ConfigSpec = { replicas: 1, rolloutStrategy: 'Recreate', storage: { pvc: { claim: 'c' } } };
    const base: ConfigData = {
      ...data(spec),
      storageClaim: { name: 'c', accessModes: ['ReadWriteOnce'], exists: true },
    };
    const result = evaluateSection(replicasSection, { replicas: '2', rolloutStrategy: 'Recreate' }, base);
    expect(result.errors.map((e) => e.path)).toEqual(['spec.replicas']);
  });

  it('routes: duplicate and reserved names are field errors; removing all routes nulls the list', () => {
    const base = data(full);
    const draft = routesSection.fromSpec(full);
    draft.routes.push(
      { name: 'public', hostname: '', secretName: '' },
      { name: 'default-route', hostname: '', secretName: '' },
    );
    const paths = evaluateSection(routesSection, draft, base).errors.map((e) => e.path);
    expect(paths).toEqual(['spec.routes[1].name', 'spec.routes[2].name']);
    const none = { ...routesSection.fromSpec(full), routes: [] };
    expect(evaluateSection(routesSection, none, base).merge.patch).toEqual({ spec: { routes: null } });
  });

  it('requests: sends read and write together (atomic) and refuses a useless wait', () => {
    const base = data({ replicas: 1 });
    const draft = requestsSection.fromSpec({ replicas: 1 });
    draft.write.maxWaitInQueue = '1m';
    expect(evaluateSection(requestsSection, draft, base).errors.map((e) => e.path)).toContain(
      'spec.requests.write.maxWaitInQueue',
    );
    draft.write.maxInQueue = '5';
    const result = evaluateSection(requestsSection, draft, base);
    expect(result.errors).toEqual([]);
    expect(result.merge.patch).toEqual({
      spec: { requests: { read: {}, write: { maxInQueue: 5, maxWaitInQueue: '1m' } } },
    });
  });

  it('requests: text that is no duration gets one message, not the schema’s and the rule’s', () => {
    const base = data({ replicas: 1 });
    const draft = requestsSection.fromSpec({ replicas: 1 });
    draft.read.maxRunning = '3';
    draft.read.maxWaitInQueue = 'abc';
    expect(evaluateSection(requestsSection, draft, base).errors).toEqual([
      { path: 'spec.requests.read.maxWaitInQueue', message: 'must be a duration such as 30s, 1m30s or 2h' },
    ]);
  });

  it('advanced: removing a node selector label nulls just that key', () => {
    const base = data({ replicas: 1, nodeSelector: { a: '1', b: '2' } });
    const draft = advancedSection.fromSpec(base.config.spec);
    draft.nodeSelector = draft.nodeSelector.filter((row) => row.key !== 'a');
    expect(evaluateSection(advancedSection, draft, base).merge.patch).toEqual({
      spec: { nodeSelector: { a: null } },
    });
  });
});

describe('conflict summary', () => {
  it('lists what changed meanwhile and which of it the admin’s change overwrites', () => {
    const seen: ConfigSpec = { replicas: 2, logLevel: 'Normal', httpSecret: 'x' };
    const live: ConfigSpec = { replicas: 3, logLevel: 'Debug', httpSecret: 'x' };
    expect(summarizeConflict(seen, live, { replicas: 4 })).toEqual({
      changedMeanwhile: ['logLevel', 'replicas'],
      overlapping: ['replicas'],
    });
    expect(summarizeConflict(seen, seen, { replicas: 4 })).toEqual({ changedMeanwhile: [], overlapping: [] });
  });
});
