import { describe, expect, it } from 'vitest';
import { mergeDiff, ocPatchCommand, sectionPatchToMergePatch } from '../../src/rules/merge-patch.js';
import { sectionPatchWarnings } from '../../src/rules/warnings.js';

/** RFC 7386 apply, to check that a generated patch really produces the desired spec. */
function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

describe('section patch → merge patch', () => {
  it('switching backend emits null for the old key and keeps storage.managementState', () => {
    const current = { storage: { emptyDir: {}, managementState: 'Managed' } };
    const { patch, ocCommand } = sectionPatchToMergePatch({ storage: { pvc: { claim: '' } } }, current);
    expect(patch).toEqual({ spec: { storage: { emptyDir: null, pvc: { claim: '' } } } });
    expect(ocCommand).toBe(
      `oc patch configs.imageregistry.operator.openshift.io/cluster --type merge --patch '{"spec":{"storage":{"emptyDir":null,"pvc":{"claim":""}}}}'`,
    );
  });
  it('replaces atomic lists whole', () => {
    const current = { routes: [{ name: 'a', hostname: 'a.example.com' }, { name: 'b' }] };
    const { patch } = sectionPatchToMergePatch({ routes: [{ name: 'b' }] }, current);
    expect(patch).toEqual({ spec: { routes: [{ name: 'b' }] } });
    const tol = sectionPatchToMergePatch(
      { tolerations: [] },
      { tolerations: [{ key: 'k', operator: 'Exists' }] },
    );
    expect(tol.patch).toEqual({ spec: { tolerations: [] } });
  });
  it('replaces maps whole: removed keys become null', () => {
    const current = {
      nodeSelector: { a: '1', b: '2' },
      resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '100m' } },
    };
    const { patch } = sectionPatchToMergePatch(
      { nodeSelector: { a: '1', c: '3' }, resources: { limits: { memory: '2Gi' } } },
      current,
    );
    expect(patch).toEqual({
      spec: {
        nodeSelector: { b: null, c: '3' },
        resources: { limits: { cpu: null, memory: '2Gi' }, requests: null },
      },
    });
    const applied = applyMergePatch({ spec: current }, patch) as { spec: Record<string, unknown> };
    expect(applied.spec.nodeSelector).toEqual({ a: '1', c: '3' });
    expect(applied.spec.resources).toEqual({ limits: { memory: '2Gi' } });
  });
  it('requests are replaced whole (both read and write sent as given)', () => {
    const current = { requests: { read: { maxRunning: 5 }, write: { maxRunning: 5 } } };
    const { patch } = sectionPatchToMergePatch(
      { requests: { read: { maxRunning: 7, maxInQueue: 2 } } },
      current,
    );
    expect(applyMergePatch({ spec: current }, patch)).toEqual({
      spec: { requests: { read: { maxRunning: 7, maxInQueue: 2 } } },
    });
  });
  it('null clears a field; unchanged values are omitted; nothing to do → {}', () => {
    expect(sectionPatchToMergePatch({ proxy: null }, { proxy: { http: 'x' } }).patch).toEqual({
      spec: { proxy: null },
    });
    expect(sectionPatchToMergePatch({ replicas: 2, logLevel: 'Debug' }, { replicas: 2 }).patch).toEqual({
      spec: { logLevel: 'Debug' },
    });
    expect(sectionPatchToMergePatch({ replicas: 2 }, { replicas: 2 }).patch).toEqual({});
  });
  it('escapes single quotes for the shell and names the config', () => {
    expect(ocPatchCommand({ spec: { proxy: { noProxy: "it's" } } }, 'instance')).toBe(
      `oc patch configs.imageregistry.operator.openshift.io/instance --type merge --patch '{"spec":{"proxy":{"noProxy":"it'\\''s"}}}'`,
    );
  });
  it('mergeDiff is the inverse of merge-patch application', () => {
    const a = { x: { y: 1, z: [1, 2] }, w: 'k' };
    const b = { x: { z: [3] }, v: { q: true } };
    expect(applyMergePatch(a, mergeDiff(a, b))).toEqual(b);
    expect(mergeDiff(a, a)).toBeUndefined();
  });
});

describe('warnings', () => {
  it('warns that Removed deletes managed storage', () => {
    const w = sectionPatchWarnings(
      { managementState: 'Removed' },
      { current: { managementState: 'Managed', storage: { s3: {}, managementState: 'Managed' } } },
    );
    expect(w.join()).toMatch(/storage with all images/);
  });
  it('says a change saved while Unmanaged is not applied; Managed again is not warned about', () => {
    const current = { managementState: 'Unmanaged' };
    expect(sectionPatchWarnings({ replicas: 2 }, { current }).join()).toMatch(
      /Unmanaged: the operator ignores the configuration, so this change is stored but not applied/,
    );
    expect(sectionPatchWarnings({ managementState: 'Managed', replicas: 2 }, { current })).toEqual([]);
    expect(sectionPatchWarnings({ replicas: 2 }, { current: { managementState: 'Managed' } })).toEqual([]);
  });
  it('warns on a backend switch and on emptyDir with several replicas', () => {
    const w = sectionPatchWarnings(
      { storage: { emptyDir: {} } },
      { current: { replicas: 2, storage: { pvc: {} } } },
    );
    expect(w).toHaveLength(2);
  });
});
