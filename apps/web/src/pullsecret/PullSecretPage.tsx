import {
  Alert,
  Card,
  CardBody,
  CardTitle,
  Content,
  List,
  ListItem,
  PageSection,
  Stack,
  Title,
} from '@patternfly/react-core';
import { useFocusField } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import { firstDenied, useAccessAll, type Access } from '../api/access.js';
import { EmptyMessage, ErrorState, PageLoading } from '../ui/states.js';
import { useForbiddenAccess } from '../api/forbiddenAccess.js';
import { ReadOnlyAlert } from '../ui/ReadOnlyAlert.js';
import { PullSecretForm } from './PullSecretForm.js';
import { PullSecretRegistriesTable } from './PullSecretRegistriesTable.js';
import { pullSecretKeys, usePullSecretQuery } from '../api/pullSecret.js';

/** Registries the global pull secret (openshift-config/pull-secret) holds credentials for. */
export default function PullSecretPage() {
  const t = useT();
  // a diagnosis's fix opens this page with ?field=… focused
  useFocusField();
  const status = usePullSecretQuery();
  // Writing needs the secret's resourceVersion, so reading it is part of the permission.
  const allowed = useAccessAll([
    'pullsecret.get',
    status.data?.exists === false ? 'pullsecret.create' : 'pullsecret.patch',
  ]);
  const forbidden = firstDenied(allowed, useForbiddenAccess(pullSecretKeys.all, status.error));
  const malformed = status.data?.exists === true && !status.data.valid;
  // Nothing is sent before the secret was read: its resourceVersion guards against lost updates.
  const access: Access = status.isPending
    ? firstDenied(allowed, { allowed: false, reason: t('Loading'), loading: true })
    : malformed
      ? {
          allowed: false,
          reason: t('The pull secret is malformed: fix it first (it is left untouched).'),
          loading: false,
        }
      : forbidden;

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Registry credentials')}</Title>
        <Content component="p">
          {t(
            'Credentials the cluster uses to pull images, for example from registry.redhat.io. Only registry names and the kind of credential each holds are shown; credential values never are.',
          )}
        </Content>
      </PageSection>
      <PageSection data-test="pull-secret">
        <Stack hasGutter>
          <ReadOnlyAlert access={forbidden} dataTest="pull-secret-read-only" />
          {status.isPending ? <PageLoading /> : null}
          {status.isError ? (
            <ErrorState
              error={status.error}
              title={t('Could not read the pull secret')}
              onRetry={() => void status.refetch()}
            />
          ) : null}
          {status.data ? (
            <>
              <Content component="p">
                {t('Secret {{name}} in {{namespace}}.', {
                  name: status.data.secretName,
                  namespace: status.data.namespace,
                })}
              </Content>
              {!status.data.exists ? (
                <Alert variant="info" isInline title={t('The pull secret does not exist')}>
                  {t('Saving credentials creates it.')}
                </Alert>
              ) : null}
              {malformed ? (
                <Alert
                  variant="danger"
                  isInline
                  title={t('The pull secret is malformed')}
                  data-test="pull-secret-problems"
                >
                  <p>
                    {t(
                      'It is not a readable .dockerconfigjson, so nothing can be added safely. Fix or replace it with oc, then reload.',
                    )}
                  </p>
                  <List>
                    {status.data.problems.map((p) => (
                      <ListItem key={`${p.path}:${p.message}`}>
                        <code>{p.path || '(root)'}</code>: {p.message}
                      </ListItem>
                    ))}
                  </List>
                </Alert>
              ) : null}
              {status.data.registries.length > 0 ? (
                <PullSecretRegistriesTable registries={status.data.registries} />
              ) : status.data.valid ? (
                <EmptyMessage title={t('The pull secret holds no registry credentials')} />
              ) : null}
            </>
          ) : null}
          <Card>
            <CardTitle component="h2">{t('Add or replace credentials')}</CardTitle>
            <CardBody>
              <PullSecretForm
                access={access}
                resourceVersion={status.data?.resourceVersion}
                registries={status.data?.registries.map((r) => r.registry) ?? []}
              />
            </CardBody>
          </Card>
        </Stack>
      </PageSection>
    </>
  );
}
