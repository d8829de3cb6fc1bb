import { Alert, Card, CardBody, CardTitle, Content, PageSection, Stack, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal.js';
import { useFocusField } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import { firstDenied, useAccessAll } from '../api/access.js';
import { EmptyMessage, ErrorState, PageLoading } from '../ui/states.js';
import { useForbiddenAccess } from '../api/forbiddenAccess.js';
import { TrustedRegistriesTable } from './TrustedRegistriesTable.js';
import { TrustForm } from './TrustForm.js';
import { ReadOnlyAlert } from '../ui/ReadOnlyAlert.js';
import { trustKeys, useDeleteTrust, useTrustQuery } from '../api/trust.js';
import { trustWritePermissions } from './trustPermissions.js';

function RemoveModal({ registry, onClose }: { registry: string; onClose(): void }) {
  const t = useT();
  const remove = useDeleteTrust();
  return (
    <ConfirmModal
      id="irc-trust-remove"
      title={t('Remove the CA of {{registry}}?', { registry })}
      confirmLabel={t('Remove')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate(registry, { onSuccess: onClose })}
      onClose={onClose}
    >
      <p>
        {t(
          'Nodes and the registry stop trusting this CA for {{registry}}; pulls and mirroring from it fail TLS verification unless another CA covers it.',
          { registry },
        )}
      </p>
      {remove.isError ? (
        <Alert variant="danger" isInline title={t('The CA was not removed')}>
          {remove.error.message}
        </Alert>
      ) : null}
    </ConfirmModal>
  );
}

/** Additional trusted CAs per registry (images.config.openshift.io/cluster spec.additionalTrustedCA). */
export default function TrustPage() {
  const t = useT();
  // a diagnosis's fix opens this page with ?field=… focused
  useFocusField();
  const trust = useTrustQuery();
  // Said up front from /me; a 403 the server gives anyway (say RBAC changed since) still disables.
  const access = firstDenied(
    useAccessAll(trustWritePermissions(trust.data)),
    useForbiddenAccess(trustKeys.all, trust.error),
  );
  const [replacing, setReplacing] = useState<{ registry: string; nonce: number }>();
  const [removing, setRemoving] = useState<string>();

  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('Trusted registries')}</Title>
        <Content component="p">
          {t(
            'Additional certificate authorities that nodes and the image registry trust when they pull from, or mirror, a registry with a private or self-signed certificate.',
          )}
        </Content>
      </PageSection>
      <PageSection data-test="trust">
        <Stack hasGutter>
          <ReadOnlyAlert access={access} dataTest="trust-read-only" />
          {trust.isPending ? <PageLoading /> : null}
          {trust.isError ? (
            <ErrorState
              error={trust.error}
              title={t('Could not read the trusted CAs')}
              onRetry={() => void trust.refetch()}
            />
          ) : null}
          {trust.data ? (
            <>
              <Alert
                variant={trust.data.referenced && !trust.data.exists ? 'warning' : 'info'}
                isInline
                isPlain={!(trust.data.referenced && !trust.data.exists)}
                title={t('Stored in the ConfigMap {{name}} in {{namespace}}', {
                  name: trust.data.configMapName,
                  namespace: trust.data.namespace,
                })}
                data-test="trust-storage"
              >
                {trust.data.referenced && !trust.data.exists
                  ? t(
                      'The image config references this ConfigMap but it does not exist: the operator reports its certificates controller degraded. Adding a CA creates it.',
                    )
                  : !trust.data.referenced
                    ? t(
                        'The image config references no ConfigMap yet. Adding the first CA creates the ConfigMap when missing and sets images.config.openshift.io/cluster spec.additionalTrustedCA to it.',
                      )
                    : t(
                        'Each key is a registry hostname (hostname..port when a port is given); the value is its PEM bundle.',
                      )}
              </Alert>
              {trust.data.registries.length === 0 ? (
                <EmptyMessage title={t('No registry has an additional trusted CA')} />
              ) : (
                <TrustedRegistriesTable
                  registries={trust.data.registries}
                  access={access}
                  onReplace={(registry) => setReplacing({ registry, nonce: Date.now() })}
                  onRemove={setRemoving}
                />
              )}
            </>
          ) : null}
          <Card>
            <CardTitle component="h2">{t('Add registry CA')}</CardTitle>
            <CardBody>
              <TrustForm access={access} replacing={replacing} />
            </CardBody>
          </Card>
        </Stack>
      </PageSection>
      {removing ? <RemoveModal registry={removing} onClose={() => setRemoving(undefined)} /> : null}
    </>
  );
}
