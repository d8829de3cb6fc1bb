import { DEFAULT_AUTH_REGISTRY, registryHostProblem, type PutPullSecretRegistryRequest } from '@irc/shared';
import { Alert, Form, FormGroup, Radio, TextInput } from '@patternfly/react-core';
import { useId, useState } from 'react';
import { ConfirmModal } from '../ui/ConfirmModal.js';
import { focusTarget } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import type { Access } from '../api/access.js';
import { FieldHelp, SubmitRow, splitServerError } from '../ui/formParts.js';
import { usePutPullSecretRegistry } from '../api/pullSecret.js';

type Mode = 'password' | 'token';

/**
 * Add or replace one registry's entry. Secrets are typed into password inputs, sent once and
 * cleared; other registries' entries are left untouched by the server.
 */
export function PullSecretForm({
  access,
  resourceVersion,
  registries,
}: {
  access: Access;
  resourceVersion?: string;
  /** Registries the pull secret already has an entry for: saving one replaces it, after asking. */
  registries: readonly string[];
}) {
  const t = useT();
  const ids = useId();
  const put = usePutPullSecretRegistry();
  const [registry, setRegistry] = useState(DEFAULT_AUTH_REGISTRY);
  const [mode, setMode] = useState<Mode>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [email, setEmail] = useState('');
  const [confirmReplace, setConfirmReplace] = useState(false);

  const { field: serverError, other: otherError } = splitServerError(put.error, [
    'registry',
    'username',
    'password',
    'token',
    'email',
  ]);
  const hostError =
    (registry !== '' ? registryHostProblem(registry.trim()) : undefined) ?? serverError('registry');
  const secretFilled = mode === 'password' ? username !== '' && password !== '' : token !== '';
  const canSubmit =
    access.allowed &&
    registry.trim() !== '' &&
    !registryHostProblem(registry.trim()) &&
    secretFilled &&
    !put.isPending;

  const submit = () => {
    const extra = {
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(resourceVersion ? { resourceVersion } : {}),
    };
    const body: PutPullSecretRegistryRequest =
      mode === 'password' ? { username, password, ...extra } : { token: token.trim(), ...extra };
    put.mutate(
      { registry: registry.trim(), body },
      {
        onSuccess: () => {
          setPassword('');
          setToken('');
        },
        onSettled: () => setConfirmReplace(false),
      },
    );
  };
  // The old credentials cannot be read back (they never leave the server): ask before overwriting.
  const replaces = registries.includes(registry.trim());

  return (
    <Form
      aria-label={t('Registry credentials form')}
      data-test="pull-secret-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!canSubmit) return;
        if (replaces) setConfirmReplace(true);
        else submit();
      }}
    >
      <FormGroup label={t('Registry')} isRequired fieldId={`${ids}-registry`}>
        <TextInput
          id={`${ids}-registry`}
          {...focusTarget('auths')}
          value={registry}
          isDisabled={!access.allowed}
          validated={hostError ? 'error' : 'default'}
          onChange={(_e, v) => setRegistry(v)}
        />
        <FieldHelp
          error={hostError}
          hint={t('hostname or hostname:port. An existing entry for it is replaced.')}
        />
      </FormGroup>
      <FormGroup role="radiogroup" isInline fieldId={`${ids}-mode`} label={t('Credential type')}>
        <Radio
          id={`${ids}-mode-password`}
          name={`${ids}-mode`}
          label={t('Username and password')}
          isChecked={mode === 'password'}
          isDisabled={!access.allowed}
          onChange={() => setMode('password')}
        />
        <Radio
          id={`${ids}-mode-token`}
          name={`${ids}-mode`}
          label={t('Token (base64 auth value)')}
          isChecked={mode === 'token'}
          isDisabled={!access.allowed}
          onChange={() => setMode('token')}
        />
      </FormGroup>
      {mode === 'password' ? (
        <>
          <FormGroup label={t('Username')} isRequired fieldId={`${ids}-username`}>
            <TextInput
              id={`${ids}-username`}
              value={username}
              autoComplete="off"
              isDisabled={!access.allowed}
              validated={serverError('username') ? 'error' : 'default'}
              onChange={(_e, v) => setUsername(v)}
            />
            <FieldHelp error={serverError('username')} />
          </FormGroup>
          <FormGroup label={t('Password')} isRequired fieldId={`${ids}-password`}>
            <TextInput
              id={`${ids}-password`}
              type="password"
              autoComplete="new-password"
              value={password}
              isDisabled={!access.allowed}
              validated={serverError('password') ? 'error' : 'default'}
              onChange={(_e, v) => setPassword(v)}
            />
            <FieldHelp error={serverError('password')} />
          </FormGroup>
        </>
      ) : (
        <FormGroup label={t('Token')} isRequired fieldId={`${ids}-token`}>
          <TextInput
            id={`${ids}-token`}
            type="password"
            autoComplete="new-password"
            value={token}
            isDisabled={!access.allowed}
            validated={serverError('token') ? 'error' : 'default'}
            onChange={(_e, v) => setToken(v)}
          />
          <FieldHelp
            error={serverError('token')}
            hint={t(
              'The "auth" value of the registry in a downloaded pull secret: base64 of username:password.',
            )}
          />
        </FormGroup>
      )}
      <FormGroup label={t('Email (optional)')} fieldId={`${ids}-email`}>
        <TextInput
          id={`${ids}-email`}
          type="email"
          value={email}
          isDisabled={!access.allowed}
          validated={serverError('email') ? 'error' : 'default'}
          onChange={(_e, v) => setEmail(v)}
        />
        <FieldHelp error={serverError('email')} />
      </FormGroup>
      {put.isSuccess ? (
        <Alert
          variant="success"
          isInline
          title={
            put.data.replaced
              ? t('Replaced the credentials for {{registry}}', { registry: put.data.registry })
              : t('Added credentials for {{registry}}', { registry: put.data.registry })
          }
          data-test="pull-secret-saved"
        >
          {t('Nodes pick up the updated global pull secret; the value is not shown again.')}
        </Alert>
      ) : null}
      <SubmitRow
        access={access}
        label={t('Save credentials')}
        canSubmit={canSubmit}
        pending={put.isPending}
        failedTitle={t('The credentials were not saved')}
        failure={otherError}
      />
      {confirmReplace ? (
        <ConfirmModal
          id="irc-replace-credentials"
          title={t('Replace the credentials for {{registry}}?', { registry: registry.trim() })}
          confirmLabel={t('Replace credentials')}
          busy={put.isPending}
          onConfirm={submit}
          onClose={() => setConfirmReplace(false)}
          data-test="pull-secret-replace-modal"
        >
          <p>
            {t(
              'The pull secret already holds credentials for this registry. They are overwritten with the ones you entered and cannot be shown or restored here; nodes pull with the new ones.',
            )}
          </p>
        </ConfirmModal>
      ) : null}
    </Form>
  );
}
