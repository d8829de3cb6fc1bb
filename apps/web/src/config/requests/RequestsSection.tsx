import { Grid, GridItem, Title } from '@patternfly/react-core';
import type { ConfigSpec, FieldError, RequestLimits, SectionPatch } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import { TextField } from '../editor/fields.js';
import { SectionForm } from '../editor/SectionForm.js';
import { compact, parseInteger, type SectionDefinition } from '../editor/sectionModel.js';

type LimitsDraft = { maxRunning: string; maxInQueue: string; maxWaitInQueue: string };
export interface RequestsDraft {
  read: LimitsDraft;
  write: LimitsDraft;
}

const fromLimits = (l: RequestLimits | undefined): LimitsDraft => ({
  maxRunning: l?.maxRunning === undefined ? '' : String(l.maxRunning),
  maxInQueue: l?.maxInQueue === undefined ? '' : String(l.maxInQueue),
  maxWaitInQueue: l?.maxWaitInQueue ?? '',
});

function toLimits(kind: 'read' | 'write', d: LimitsDraft, errors: FieldError[]): RequestLimits {
  return compact({
    maxRunning: parseInteger(d.maxRunning, `spec.requests.${kind}.maxRunning`, errors),
    maxInQueue: parseInteger(d.maxInQueue, `spec.requests.${kind}.maxInQueue`, errors),
    maxWaitInQueue: d.maxWaitInQueue.trim(),
  });
}

export const requestsSection: SectionDefinition<RequestsDraft> = {
  id: 'requests',
  fromSpec: (spec: ConfigSpec) => ({
    read: fromLimits(spec.requests?.read),
    write: fromLimits(spec.requests?.write),
  }),
  toPatch(draft, spec) {
    const errors: FieldError[] = [];
    const read = toLimits('read', draft.read, errors);
    const write = toLimits('write', draft.write, errors);
    const empty = !Object.keys(read).length && !Object.keys(write).length;
    // requests is atomic: always send read and write together.
    const requests: SectionPatch['requests'] = empty
      ? spec.requests === undefined
        ? undefined
        : null
      : { read, write };
    return { patch: { requests }, errors };
  },
};

export default function RequestsSection() {
  const t = useT();
  return (
    <SectionForm definition={requestsSection} label={t('Request limits configuration')}>
      {({ draft, setDraft }) => (
        <>
          <p>
            {t(
              'Limits on concurrent registry requests. 0 or empty means unlimited. The wait time only applies when a running or queue limit is set.',
            )}
          </p>
          {(['read', 'write'] as const).map((kind) => {
            const d = draft[kind];
            const set = (key: keyof LimitsDraft, value: string) =>
              setDraft((x) => ({ ...x, [kind]: { ...x[kind], [key]: value } }));
            return (
              <section key={kind} aria-labelledby={`irc-requests-${kind}`}>
                <Title headingLevel="h3" size="md" id={`irc-requests-${kind}`}>
                  {kind === 'read' ? t('Read requests (pulls)') : t('Write requests (pushes)')}
                </Title>
                <Grid hasGutter>
                  <GridItem md={4}>
                    <TextField
                      path={`spec.requests.${kind}.maxRunning`}
                      label={kind === 'read' ? t('Maximum running reads') : t('Maximum running writes')}
                      numeric
                      value={d.maxRunning}
                      onChange={(v) => set('maxRunning', v)}
                    />
                  </GridItem>
                  <GridItem md={4}>
                    <TextField
                      path={`spec.requests.${kind}.maxInQueue`}
                      label={kind === 'read' ? t('Maximum queued reads') : t('Maximum queued writes')}
                      numeric
                      value={d.maxInQueue}
                      onChange={(v) => set('maxInQueue', v)}
                    />
                  </GridItem>
                  <GridItem md={4}>
                    <TextField
                      path={`spec.requests.${kind}.maxWaitInQueue`}
                      label={
                        kind === 'read'
                          ? t('Maximum wait of a queued read')
                          : t('Maximum wait of a queued write')
                      }
                      helper={t('A duration such as 30s, 1m30s or 2h.')}
                      value={d.maxWaitInQueue}
                      onChange={(v) => set('maxWaitInQueue', v)}
                    />
                  </GridItem>
                </Grid>
              </section>
            );
          })}
        </>
      )}
    </SectionForm>
  );
}
