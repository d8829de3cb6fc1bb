import {
  MIGRATION_KIND_IDS,
  parseMapping,
  type MigrationKind,
  type MigrationRequest,
  type MigrationResponse,
} from '@irc/shared';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Content,
  Form,
  PageSection,
  Stack,
  Title,
} from '@patternfly/react-core';
import { useState } from 'react';
import { AccessTooltip } from '../ui/AccessTooltip.js';
import { useT } from '../platform/i18n.js';
import { firstDenied, type Access } from '../api/access.js';
import { ErrorState } from '../ui/states.js';
import { splitServerError } from '../ui/formParts.js';
import { useForbiddenAccess } from '../api/forbiddenAccess.js';
import { ReadOnlyAlert } from '../ui/ReadOnlyAlert.js';
import { ApplyModal } from './ApplyModal.js';
import { MappingRows } from './MappingRows.js';
import { migrationKeys, useMigrationOptions, useMigrationRun } from '../api/migration.js';
import { OcCommands, ResultsTable } from './ResultsTable.js';
import { KindsField, NamespaceField } from './ScopeFields.js';

const EXAMPLE = 'docker-registry.default.svc:5000/*=image-registry.openshift-image-registry.svc:5000/*';
const sameRequest = (a: MigrationRequest | undefined, b: MigrationRequest) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Why Apply is not possible for this preview: nothing to migrate, or every write the dry run
 * tried was refused (a viewer, or no patch rights in those namespaces).
 */
const ALLOWED: Access = { allowed: true, reason: '', loading: false };

function refusedAccess(preview: MigrationResponse | undefined, t: ReturnType<typeof useT>): Access {
  const refused =
    preview && preview.summary.migrated === 0
      ? preview.objects.find((o) => o.reason === 'Forbidden')
      : undefined;
  return refused
    ? {
        allowed: false,
        reason: t('You may not change these objects: {{message}}', { message: refused.message ?? '' }),
        loading: false,
      }
    : ALLOWED;
}

function applyAccess(preview: MigrationResponse | undefined, t: ReturnType<typeof useT>): Access {
  if (!preview) return { allowed: false, reason: t('Preview the current choices first.'), loading: false };
  if (preview.summary.migrated > 0) return ALLOWED;
  return firstDenied(refusedAccess(preview, t), {
    allowed: false,
    reason: t('Nothing to migrate.'),
    loading: false,
  });
}

/** `oc adm migrate image-references`, as a form: mappings, scope, dry-run preview, confirmed apply. */
export default function MigrationPage() {
  const t = useT();
  const options = useMigrationOptions();
  const preview = useMigrationRun('preview');
  const apply = useMigrationRun('apply');
  const [mappings, setMappings] = useState<string[]>(['']);
  const [namespaces, setNamespaces] = useState<string[]>([]);
  const [kinds, setKinds] = useState<MigrationKind[]>(MIGRATION_KIND_IDS);
  const [previewed, setPreviewed] = useState<{ request: MigrationRequest; response: MigrationResponse }>();
  const [confirming, setConfirming] = useState(false);

  const served = (k: MigrationKind) => options.data?.kinds.find((x) => x.id === k)?.served ?? true;
  const request: MigrationRequest = {
    mappings: mappings.map((m) => m.trim()),
    namespaces,
    kinds: MIGRATION_KIND_IDS.filter((k) => kinds.includes(k) && served(k)),
  };
  const current = previewed && sameRequest(previewed.request, request) ? previewed.response : undefined;
  const formValid =
    request.mappings.every((m) => parseMapping(m).ok) && namespaces.length > 0 && request.kinds.length > 0;
  const busy = preview.isPending || apply.isPending;
  const forbidden = useForbiddenAccess([...migrationKeys.all, 'apply'], undefined);
  const access = firstDenied(forbidden, applyAccess(current, t));
  const { field: serverError, other: otherError } = splitServerError(preview.error ?? apply.error, [
    'mappings',
    'namespaces',
    'kinds',
  ]);
  const readOnly = firstDenied(forbidden, refusedAccess(current, t));

  const runPreview = () => {
    apply.reset();
    preview.mutate(request, { onSuccess: (response) => setPreviewed({ request, response }) });
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Migrate image references')}</Title>
        <Content component="p">
          {t(
            'Rewrites image references from one registry or repository to another in workloads, image streams and build configs, and renames registry keys in pull secrets (credentials are never shown). Preview is a server-side dry run; Apply writes each object on its own.',
          )}
        </Content>
      </PageSection>
      <PageSection data-test="migration">
        <Stack hasGutter>
          {options.isError ? (
            <ErrorState
              error={options.error}
              title={t('Could not load namespaces and kinds')}
              onRetry={() => void options.refetch()}
            />
          ) : null}
          <Card>
            <CardTitle component="h2">{t('What to migrate')}</CardTitle>
            <CardBody>
              <Form
                aria-label={t('Migration')}
                onSubmit={(event) => {
                  event.preventDefault();
                  if (formValid && !busy) runPreview();
                }}
              >
                <MappingRows
                  mappings={mappings}
                  onChange={setMappings}
                  serverError={serverError}
                  disabled={busy}
                />
                {mappings.every((m) => m.trim() === '') ? (
                  <div>
                    <Button variant="link" isInline onClick={() => setMappings([EXAMPLE])}>
                      {t('Use the example: the OpenShift 3 registry service → the OpenShift 4 one')}
                    </Button>
                  </div>
                ) : null}
                <NamespaceField
                  options={options.data}
                  selected={namespaces}
                  onChange={setNamespaces}
                  error={serverError('namespaces')}
                  disabled={busy}
                />
                <KindsField options={options.data} selected={kinds} onChange={setKinds} disabled={busy} />
                {otherError ? (
                  <Alert
                    variant="danger"
                    isInline
                    title={apply.isError ? t('Nothing was migrated') : t('The preview failed')}
                  >
                    {otherError}
                  </Alert>
                ) : null}
                <ActionGroup>
                  <Button
                    type="submit"
                    variant="secondary"
                    isDisabled={!formValid || busy}
                    isLoading={preview.isPending}
                  >
                    {t('Preview')}
                  </Button>
                  <AccessTooltip access={access}>
                    <Button
                      variant="primary"
                      isDisabled={!access.allowed || busy}
                      onClick={() => setConfirming(true)}
                    >
                      {t('Apply')}
                    </Button>
                  </AccessTooltip>
                </ActionGroup>
              </Form>
            </CardBody>
          </Card>
          <ReadOnlyAlert access={readOnly} dataTest="migration-read-only" />
          {current && !apply.isSuccess ? (
            <Card data-test="migration-preview">
              <CardTitle component="h2">{t('Preview (dry run)')}</CardTitle>
              <CardBody>
                <Stack hasGutter>
                  <ResultsTable result={current} caption={t('Migration preview')} />
                  <OcCommands commands={current.commands} />
                </Stack>
              </CardBody>
            </Card>
          ) : null}
          {apply.isSuccess ? (
            <Card data-test="migration-result">
              <CardTitle component="h2">{t('Result')}</CardTitle>
              <CardBody>
                <Stack hasGutter>
                  <Alert
                    variant={apply.data.summary.errors > 0 ? 'warning' : 'success'}
                    isInline
                    title={t('{{count}} objects migrated', { count: apply.data.summary.migrated })}
                  >
                    {apply.data.summary.errors > 0
                      ? t(
                          '{{count}} objects failed; the others were migrated. Fix them and run again: migrated objects are left as they are.',
                          { count: apply.data.summary.errors },
                        )
                      : null}
                  </Alert>
                  <ResultsTable result={apply.data} caption={t('Migration result')} />
                  <OcCommands commands={apply.data.commands} />
                </Stack>
              </CardBody>
            </Card>
          ) : null}
        </Stack>
      </PageSection>
      {confirming && current ? (
        <ApplyModal
          preview={current}
          busy={apply.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            apply.mutate(request, {
              onSettled: () => setConfirming(false),
              // The cluster changed: the old preview no longer says what a run would do.
              onSuccess: () => setPreviewed(undefined),
            })
          }
        />
      ) : null}
    </>
  );
}
