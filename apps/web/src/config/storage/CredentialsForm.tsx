import { CREDENTIAL_KEYS, type CredentialBackend } from '@irc/shared';
import {
  ActionGroup,
  Alert,
  Button,
  Card,
  CardBody,
  CardTitle,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Label,
  Stack,
  TextInput,
} from '@patternfly/react-core';
import { useState } from 'react';
import { AccessTooltip } from '../../ui/AccessTooltip.js';
import type { CredentialKey, PutCredentialsRequest } from '../../api/contract.js';
import { useT } from '../../platform/i18n.js';
import { useAccess } from '../../api/access.js';
import { useCredentialsQuery, usePutCredentials } from '../../api/credentials.js';
import { ErrorState } from '../../ui/states.js';
import { fieldId } from '../../ui/focusField.js';
import { Since } from '../../ui/time.js';

function keyLabel(key: CredentialKey, t: (key: string) => string): string {
  switch (key) {
    case 'REGISTRY_STORAGE_S3_ACCESSKEY':
      return t('Access key ID');
    case 'REGISTRY_STORAGE_S3_SECRETKEY':
      return t('Secret access key');
    case 'REGISTRY_STORAGE_GCS_KEYFILE':
      return t('Service account key file (JSON)');
    case 'REGISTRY_STORAGE_AZURE_ACCOUNTKEY':
      return t('Account key');
    case 'REGISTRY_STORAGE_SWIFT_USERNAME':
      return t('Username');
    case 'REGISTRY_STORAGE_SWIFT_PASSWORD':
      return t('Password');
    case 'REGISTRY_STORAGE_IBMCOS_IAMAPIKEY':
      return t('IAM API key');
    default:
      return key;
  }
}

export function hasCredentials(backend: string): backend is CredentialBackend {
  return backend in CREDENTIAL_KEYS;
}

/**
 * Write-only credentials in the secret image-registry-private-configuration-user: the page says
 * whether each key is set and when it changed, never its value; typing a value replaces it.
 */
export function CredentialsForm({ backend }: { backend: CredentialBackend }) {
  const t = useT();
  const readAccess = useAccess('credentials.get');
  const status = useCredentialsQuery(readAccess.allowed);
  const writeAccess = useAccess(status.data?.exists === false ? 'credentials.create' : 'credentials.update');
  const keys = CREDENTIAL_KEYS[backend] as readonly CredentialKey[];
  const [values, setValues] = useState<Partial<Record<CredentialKey, string>>>({});

  const save = usePutCredentials(() => setValues({}));

  const filled = keys.filter((key) => (values[key] ?? '') !== '');
  const submit = () => {
    if (filled.length === 0) return;
    save.mutate({
      values: Object.fromEntries(filled.map((key) => [key, values[key]])) as PutCredentialsRequest['values'],
    });
  };

  return (
    <Card data-test="storage-credentials">
      <CardTitle component="h2">{t('Credentials')}</CardTitle>
      <CardBody>
        <Stack hasGutter>
          <p>
            {t(
              'Stored in the secret image-registry-private-configuration-user in openshift-image-registry. Values are write-only: they are never shown again. Saving new keys restarts the registry pods.',
            )}
          </p>
          {!readAccess.allowed && !readAccess.loading ? (
            <Alert variant="info" isInline title={t('You cannot see whether keys are set')}>
              {readAccess.reason}
            </Alert>
          ) : null}
          {status.isError ? (
            <ErrorState
              error={status.error}
              title={t('Could not read the credentials status')}
              onRetry={() => void status.refetch()}
            />
          ) : null}
          <Form
            aria-label={t('Storage credentials')}
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            {keys.map((key) => {
              const keyStatus = status.data?.keys.find((k) => k.key === key);
              const id = fieldId(`credentials.${key}`);
              return (
                <FormGroup key={key} label={keyLabel(key, t)} fieldId={id}>
                  <TextInput
                    id={id}
                    type="password"
                    autoComplete="new-password"
                    value={values[key] ?? ''}
                    isDisabled={!writeAccess.allowed}
                    placeholder={keyStatus?.present ? t('Set — type to replace') : t('Not set')}
                    onChange={(_event, value) => setValues((v) => ({ ...v, [key]: value }))}
                  />
                  <FormHelperText>
                    <HelperText>
                      <HelperTextItem>
                        {keyStatus ? (
                          keyStatus.present ? (
                            <>
                              <Label color="green" isCompact data-test={`credential-${key}-set`}>
                                {t('Set')}
                              </Label>{' '}
                              {keyStatus.changedAt ? (
                                <>
                                  {t('changed')} <Since time={keyStatus.changedAt} />
                                </>
                              ) : null}
                            </>
                          ) : (
                            <Label color="orange" isCompact data-test={`credential-${key}-unset`}>
                              {t('Not set')}
                            </Label>
                          )
                        ) : null}{' '}
                        <code>{key}</code>
                      </HelperTextItem>
                      {!writeAccess.allowed && !writeAccess.loading ? (
                        <HelperTextItem variant="warning">{writeAccess.reason}</HelperTextItem>
                      ) : null}
                    </HelperText>
                  </FormHelperText>
                </FormGroup>
              );
            })}
            {save.isSuccess ? (
              <Alert variant="success" isInline title={t('Credentials saved')}>
                {t('The operator picks them up and restarts the registry pods.')}
              </Alert>
            ) : null}
            {save.isError ? (
              <Alert variant="danger" isInline title={t('The credentials were not saved')}>
                {save.error.message}
              </Alert>
            ) : null}
            <ActionGroup>
              <AccessTooltip access={writeAccess}>
                <Button
                  type="submit"
                  variant="secondary"
                  isDisabled={!writeAccess.allowed || filled.length === 0 || save.isPending}
                  isLoading={save.isPending}
                >
                  {t('Save credentials')}
                </Button>
              </AccessTooltip>
            </ActionGroup>
          </Form>
        </Stack>
      </CardBody>
    </Card>
  );
}
