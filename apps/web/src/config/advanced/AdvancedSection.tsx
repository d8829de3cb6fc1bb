import { Grid, GridItem, Title } from '@patternfly/react-core';
import { Link } from 'react-router';
import { useT } from '../../platform/i18n.js';
import { usePlatform } from '../../platform/platform.js';
import { PathErrors, SelectField, SwitchField, TextField } from '../editor/fields.js';
import { RowList } from '../editor/RowList.js';
import { SectionForm } from '../editor/SectionForm.js';
import { advancedSection, type AdvancedDraft, type TolerationDraft } from './advancedDraft.js';

export default function AdvancedSection() {
  const t = useT();
  const { links } = usePlatform();
  const levels = [
    { value: 'Normal', label: t('Normal') },
    { value: 'Debug', label: t('Debug') },
    { value: 'Trace', label: t('Trace') },
    { value: 'TraceAll', label: t('TraceAll') },
  ];
  return (
    <SectionForm definition={advancedSection} label={t('Advanced configuration')}>
      {({ draft, setDraft }) => {
        const set = <K extends keyof AdvancedDraft>(key: K, value: AdvancedDraft[K]) =>
          setDraft((d) => ({ ...d, [key]: value }));
        const setRes = (key: keyof AdvancedDraft['resources'], value: string) =>
          setDraft((d) => ({ ...d, resources: { ...d.resources, [key]: value } }));
        return (
          <>
            <Title headingLevel="h3" size="md">
              {t('Logging')}
            </Title>
            <Grid hasGutter>
              <GridItem md={6}>
                <SelectField
                  path="spec.logLevel"
                  label={t('Registry log level')}
                  value={draft.logLevel}
                  options={levels}
                  onChange={(v) => set('logLevel', v as AdvancedDraft['logLevel'])}
                />
              </GridItem>
              <GridItem md={6}>
                <SelectField
                  path="spec.operatorLogLevel"
                  label={t('Operator log level')}
                  value={draft.operatorLogLevel}
                  options={levels}
                  onChange={(v) => set('operatorLogLevel', v as AdvancedDraft['operatorLogLevel'])}
                />
              </GridItem>
            </Grid>
            <p>
              {t('The rollout strategy is set together with the replica count:')}{' '}
              <Link to={links.page('/config/replicas')}>{t('Replicas')}</Link>
            </p>
            <RowList
              title={t('Node selector')}
              id="irc-node-selector"
              description={t(
                'Registry pods run only on nodes with all these labels. Setting any disables the default topology spread constraints.',
              )}
              rows={draft.nodeSelector}
              onChange={(rows) => set('nodeSelector', rows)}
              empty={() => ({ key: '', value: '' })}
              addLabel={t('Add label')}
              removeLabel={(i) => t('Remove label {{number}}', { number: i + 1 })}
              renderRow={(row, i, update) => (
                <Grid hasGutter>
                  <GridItem md={6}>
                    <TextField
                      path={`spec.nodeSelector[${i}]`}
                      label={t('Label key')}
                      helper={t('Such as node-role.kubernetes.io/infra.')}
                      value={row.key}
                      onChange={(key) => update({ ...row, key })}
                    />
                  </GridItem>
                  <GridItem md={6}>
                    <TextField
                      path={`spec.nodeSelector[${i}].value`}
                      label={t('Label value')}
                      value={row.value}
                      onChange={(value) => update({ ...row, value })}
                    />
                  </GridItem>
                </Grid>
              )}
            />
            <RowList<TolerationDraft>
              title={t('Tolerations')}
              id="irc-tolerations"
              description={t('Let registry pods run on tainted nodes (for example infra nodes).')}
              rows={draft.tolerations}
              onChange={(rows) => set('tolerations', rows)}
              empty={() => ({ key: '', operator: 'Equal', value: '', effect: '', tolerationSeconds: '' })}
              addLabel={t('Add toleration')}
              removeLabel={(i) => t('Remove toleration {{number}}', { number: i + 1 })}
              renderRow={(row, i, update) => (
                <Grid hasGutter>
                  <GridItem md={3}>
                    <TextField
                      path={`spec.tolerations[${i}].key`}
                      label={t('Taint key')}
                      value={row.key}
                      onChange={(key) => update({ ...row, key })}
                    />
                  </GridItem>
                  <GridItem md={2}>
                    <SelectField
                      path={`spec.tolerations[${i}].operator`}
                      label={t('Operator')}
                      value={row.operator}
                      options={[
                        { value: '', label: t('Default (Equal)') },
                        { value: 'Equal', label: t('Equal') },
                        { value: 'Exists', label: t('Exists') },
                      ]}
                      onChange={(operator) =>
                        update({ ...row, operator: operator as TolerationDraft['operator'] })
                      }
                    />
                  </GridItem>
                  <GridItem md={2}>
                    <TextField
                      path={`spec.tolerations[${i}].value`}
                      label={t('Value')}
                      value={row.value}
                      onChange={(value) => update({ ...row, value })}
                    />
                  </GridItem>
                  <GridItem md={3}>
                    <SelectField
                      path={`spec.tolerations[${i}].effect`}
                      label={t('Effect')}
                      value={row.effect}
                      options={[
                        { value: '', label: t('All effects') },
                        { value: 'NoSchedule', label: 'NoSchedule' },
                        { value: 'PreferNoSchedule', label: 'PreferNoSchedule' },
                        { value: 'NoExecute', label: 'NoExecute' },
                      ]}
                      onChange={(effect) => update({ ...row, effect: effect as TolerationDraft['effect'] })}
                    />
                  </GridItem>
                  <GridItem md={2}>
                    <TextField
                      path={`spec.tolerations[${i}].tolerationSeconds`}
                      label={t('Seconds')}
                      numeric
                      value={row.tolerationSeconds}
                      onChange={(tolerationSeconds) => update({ ...row, tolerationSeconds })}
                    />
                  </GridItem>
                </Grid>
              )}
            />
            <Title headingLevel="h3" size="md">
              {t('Resources')}
            </Title>
            <PathErrors path="spec.resources" />
            <Grid hasGutter>
              <GridItem md={3}>
                <TextField
                  path="spec.resources.requests.cpu"
                  label={t('CPU request')}
                  helper={t('Such as 100m.')}
                  value={draft.resources.requestsCpu}
                  onChange={(v) => setRes('requestsCpu', v)}
                />
              </GridItem>
              <GridItem md={3}>
                <TextField
                  path="spec.resources.requests.memory"
                  label={t('Memory request')}
                  helper={t('Such as 256Mi.')}
                  value={draft.resources.requestsMemory}
                  onChange={(v) => setRes('requestsMemory', v)}
                />
              </GridItem>
              <GridItem md={3}>
                <TextField
                  path="spec.resources.limits.cpu"
                  label={t('CPU limit')}
                  helper={t('Such as 1 (one core).')}
                  value={draft.resources.limitsCpu}
                  onChange={(v) => setRes('limitsCpu', v)}
                />
              </GridItem>
              <GridItem md={3}>
                <TextField
                  path="spec.resources.limits.memory"
                  label={t('Memory limit')}
                  helper={t('Such as 1Gi.')}
                  value={draft.resources.limitsMemory}
                  onChange={(v) => setRes('limitsMemory', v)}
                />
              </GridItem>
            </Grid>
            <Title headingLevel="h3" size="md">
              {t('Behaviour')}
            </Title>
            <SwitchField
              path="spec.readOnly"
              label={t('Read-only registry')}
              checked={draft.readOnly}
              onChange={(v) => set('readOnly', v)}
              helper={t(
                'Pulls keep working; pushes are refused. Useful during storage maintenance or migration.',
              )}
            />
            <SwitchField
              path="spec.disableRedirect"
              label={t('Disable redirects to storage')}
              checked={draft.disableRedirect}
              onChange={(v) => set('disableRedirect', v)}
              helper={t(
                'Clients download blobs through the registry instead of directly from the storage (needed when clients cannot reach the storage).',
              )}
            />
          </>
        );
      }}
    </SectionForm>
  );
}
