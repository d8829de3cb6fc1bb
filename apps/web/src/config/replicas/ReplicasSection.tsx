import { Alert, List, ListItem } from '@patternfly/react-core';
import { useT } from '../../platform/i18n.js';
import { SelectField, TextField } from '../editor/fields.js';
import { SectionForm } from '../editor/SectionForm.js';
import { replicasSection, type ReplicasDraft } from './replicasDraft.js';
import type { ConfigData } from '../../api/config.js';

/** Facts the admin should know for the replica count they typed (domain.md §6.7, §3). */
function ReplicaNotes({ draft, base }: { draft: ReplicasDraft; base: ConfigData }) {
  const t = useT();
  const replicas = Number(draft.replicas);
  const current = base.config.spec.replicas ?? 0;
  const spec = base.config.spec;
  const notes: string[] = [];
  if (Number.isInteger(replicas)) {
    if (replicas === 0)
      notes.push(
        t(
          '0 replicas stops the registry: pushes and pulls fail, and the operator reports Degraded after 5 minutes.',
        ),
      );
    if (replicas === 2 && !spec.affinity)
      notes.push(
        t(
          'With exactly 2 replicas and no affinity set, the operator requires the two pods to run on different nodes (pod anti-affinity on kubernetes.io/hostname).',
        ),
      );
    if ((replicas === 2) !== (current === 2) && replicas !== current)
      notes.push(
        t(
          'Moving to or from 2 replicas adds or removes that anti-affinity, which rolls out all registry pods, not just a scale.',
        ),
      );
    if (replicas > 1 && spec.storage?.emptyDir)
      notes.push(
        t('emptyDir storage is per pod: with more than one replica, each pod serves different content.'),
      );
  }
  const claim = base.storageClaim;
  if (spec.storage?.pvc && claim?.exists) {
    const rwo = claim.accessModes.includes('ReadWriteOnce') && !claim.accessModes.includes('ReadWriteMany');
    notes.push(
      rwo
        ? t(
            'The claim {{name}} is ReadWriteOnce: only one node can mount it, so the operator needs 1 replica and the Recreate rollout strategy.',
            { name: claim.name },
          )
        : t('The claim {{name}} allows {{modes}}.', {
            name: claim.name,
            modes: claim.accessModes.join(', '),
          }),
    );
  }
  if (!notes.length) return null;
  return (
    <Alert variant="info" isInline title={t('Good to know')} data-test="replica-notes">
      <List>
        {notes.map((note) => (
          <ListItem key={note}>{note}</ListItem>
        ))}
      </List>
    </Alert>
  );
}

export default function ReplicasSection() {
  const t = useT();
  return (
    <SectionForm definition={replicasSection} label={t('Replicas configuration')}>
      {({ draft, setDraft, state }) => (
        <>
          <TextField
            path="spec.replicas"
            label={t('Replicas')}
            numeric
            isRequired
            value={draft.replicas}
            onChange={(replicas) => setDraft((d) => ({ ...d, replicas }))}
            helper={t('Number of registry pods. {{ready}} ready now.', {
              ready: state?.base.config.status?.readyReplicas ?? 0,
            })}
          />
          <SelectField
            path="spec.rolloutStrategy"
            label={t('Rollout strategy')}
            value={draft.rolloutStrategy}
            onChange={(value) =>
              setDraft((d) => ({ ...d, rolloutStrategy: value as ReplicasDraft['rolloutStrategy'] }))
            }
            options={[
              { value: '', label: t('Default (RollingUpdate)') },
              { value: 'RollingUpdate', label: t('RollingUpdate: new pods start before old ones stop') },
              {
                value: 'Recreate',
                label: t('Recreate: old pods stop first (needed for ReadWriteOnce volumes)'),
              },
            ]}
          />
          {state ? <ReplicaNotes draft={draft} base={state.base} /> : null}
        </>
      )}
    </SectionForm>
  );
}
