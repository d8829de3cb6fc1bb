/**
 * A PVC backend: the claim exists, is Bound (or why not: no default StorageClass, a class that
 * does not exist, the provisioner's event), and its access mode fits the replicas and strategy
 * (a ReadWriteOnce volume attaches to one node: "cannot use ReadWriteOnce access mode with more
 * than one replica of the image registry" / "…with RollingUpdate rollout strategy").
 */
import { RegistryNames, type Finding } from '@irc/shared';
import { NS, type KubeObjectLike } from '../kube/resources.js';
import type { Facts } from './context.js';
import { cannotRead, finding, readProblem } from './findings.js';
import { PATCH_CONFIG as PATCH, eventsAbout, ref } from './objects.js';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

function claimEvents(f: Facts, name: string): string[] {
  return eventsAbout(f.g.events, 'PersistentVolumeClaim', name)
    .slice(0, 2)
    .map((e) => `event ${e.type} ${e.reason}: ${e.message}`);
}

/**
 * A Pending claim of a WaitForFirstConsumer class with no failed provisioning is waiting for its
 * pod to be scheduled (the class then provisions in that node's zone): not a fault by itself.
 */
function waitsForConsumer(f: Facts, className: string | undefined, name: string): boolean {
  const classes = f.g.storageClasses;
  if (!classes?.ok || !className) return false;
  const sc = classes.value.find((c) => c.metadata?.name === className) as
    (KubeObjectLike & { volumeBindingMode?: string }) | undefined;
  return (
    sc?.volumeBindingMode === 'WaitForFirstConsumer' &&
    !eventsAbout(f.g.events, 'PersistentVolumeClaim', name).some((e) => e.type === 'Warning')
  );
}

function pendingFinding(
  f: Facts,
  pvc: KubeObjectLike & { spec?: { storageClassName?: string } },
): Finding | undefined {
  const name = pvc.metadata?.name ?? '';
  const events = claimEvents(f, name);
  const className = pvc.spec?.storageClassName;
  const classes = f.g.storageClasses;
  const base = {
    severity: 'failing' as const,
    object: ref.ns('PersistentVolumeClaim', name),
    links: [{ label: `PVC ${name}`, kind: 'object' as const, object: ref.ns('PersistentVolumeClaim', name) }],
  };
  const evidence = [`claim ${name}: Pending`, ...events];
  if (waitsForConsumer(f, className, name)) return undefined;
  if (classes?.ok) {
    const defaults = classes.value.filter((c) => c.metadata?.annotations?.[DEFAULT_CLASS] === 'true');
    if (!className && defaults.length === 0)
      return finding({
        ...base,
        code: 'pvc-no-default-storageclass',
        summary: `Claim ${name} names no StorageClass and the cluster has no default one`,
        field: 'spec.storageClassName',
        evidence: [
          ...evidence,
          `StorageClasses: ${classes.value.map((c) => c.metadata?.name).join(', ') || 'none'}; none is annotated ${DEFAULT_CLASS}=true`,
        ],
        nextStep:
          'Mark a StorageClass as the default (or create the claim with storageClassName set, or bind it to a PersistentVolume you created).',
        command: `oc patch storageclass <name> -p '{"metadata":{"annotations":{"${DEFAULT_CLASS}":"true"}}}'`,
      });
    if (className && !classes.value.some((c) => c.metadata?.name === className))
      return finding({
        ...base,
        code: 'pvc-pending',
        summary: `Claim ${name} asks for StorageClass ${className}, which does not exist`,
        field: 'spec.storageClassName',
        evidence: [
          ...evidence,
          `StorageClasses: ${classes.value.map((c) => c.metadata?.name).join(', ') || 'none'}`,
        ],
        nextStep: `Recreate the claim with an existing StorageClass (the class of a claim cannot be changed), then point the registry at it.`,
        command: `oc get storageclass; oc get pvc ${name} -n ${NS} -o yaml`,
        fix: { section: 'storage', field: 'spec.storage.pvc.claim', label: 'Use another claim' },
      });
  } else if (classes) evidence.push(readProblem('storage classes', classes) ?? '');
  return finding({
    ...base,
    code: 'pvc-pending',
    summary: `Claim ${name} is not bound to a volume`,
    field: 'status.phase',
    evidence,
    nextStep:
      'The provisioner has not created a volume: its events on the claim say why (quota, zone, capacity); with static volumes, create a PersistentVolume that matches the claim.',
    command: `oc describe pvc ${name} -n ${NS}`,
  });
}

export function claimFindings(f: Facts): { findings: Finding[]; evidence: string[] } {
  const claimName = f.spec.storage?.pvc?.claim || RegistryNames.defaultClaimName;
  const claim = f.g.claim;
  if (!claim) return { findings: [], evidence: [] };
  if (!claim.ok) {
    if (claim.error.statusCode !== 404)
      return {
        findings: [
          cannotRead(
            `claim ${claimName}`,
            claim,
            ref.ns('PersistentVolumeClaim', claimName),
            `oc auth can-i get persistentvolumeclaims -n ${NS}`,
          ),
        ],
        evidence: [],
      };
    // the operator creates image-registry-storage itself; a named claim must exist
    if (claimName === RegistryNames.defaultClaimName && f.condition('StorageExists')?.status !== 'False')
      return { findings: [], evidence: [`claim ${claimName} not created yet (the operator creates it)`] };
    return {
      findings: [
        finding({
          code: 'pvc-missing',
          severity: 'failing',
          summary: `Claim ${claimName} does not exist`,
          object: ref.config(),
          field: 'spec.storage.pvc.claim',
          evidence: [`persistentvolumeclaims "${claimName}" not found`],
          nextStep: `Create claim ${claimName} in ${NS}, or clear the claim name so that the operator creates ${RegistryNames.defaultClaimName}.`,
          command: `oc get pvc -n ${NS}`,
          fix: { section: 'storage', field: 'spec.storage.pvc.claim', label: 'Change the claim' },
        }),
      ],
      evidence: [],
    };
  }
  const pvc = claim.value;
  const modes = pvc.spec?.accessModes ?? [];
  const evidence = [`claim ${pvc.metadata?.name}: ${pvc.status?.phase ?? 'unknown'}, ${modes.join(', ')}`];
  const findings: Finding[] = [];
  const pending = pvc.status?.phase === 'Pending' ? pendingFinding(f, pvc as KubeObjectLike) : undefined;
  if (pending) findings.push(pending);
  if (modes.includes('ReadWriteOnce') && !modes.includes('ReadWriteMany')) {
    if (f.replicas > 1)
      findings.push(
        finding({
          code: 'pvc-rwo-replicas',
          severity: 'failing',
          summary: `Claim ${claimName} is ReadWriteOnce but the registry has ${f.replicas} replicas`,
          object: ref.config(),
          field: 'spec.replicas',
          evidence: [
            ...evidence,
            'cannot use ReadWriteOnce access mode with more than one replica of the image registry',
          ],
          nextStep: 'Use 1 replica with a ReadWriteOnce claim, or a ReadWriteMany claim for more.',
          command: `${PATCH} '{"spec":{"replicas":1,"rolloutStrategy":"Recreate"}}'`,
          fix: { section: 'replicas', field: 'spec.replicas', label: 'Change replicas' },
        }),
      );
    else if ((f.spec.rolloutStrategy ?? 'RollingUpdate') !== 'Recreate')
      findings.push(
        finding({
          code: 'pvc-rwo-rolling-update',
          severity: 'failing',
          summary: `Claim ${claimName} is ReadWriteOnce but the rollout strategy is RollingUpdate`,
          object: ref.config(),
          field: 'spec.rolloutStrategy',
          evidence: [...evidence, 'cannot use ReadWriteOnce access mode with RollingUpdate rollout strategy'],
          nextStep:
            'A new pod cannot mount the volume while the old one holds it: use the Recreate strategy.',
          command: `${PATCH} '{"spec":{"rolloutStrategy":"Recreate"}}'`,
          fix: { section: 'replicas', field: 'spec.rolloutStrategy', label: 'Change the rollout strategy' },
        }),
      );
  }
  return { findings, evidence };
}
