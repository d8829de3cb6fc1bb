import { pemPrivateKeyProblem, registryHostProblem, type PutTrustResponse } from '@irc/shared';
import { Alert, Button, Form, FormGroup, List, ListItem, TextArea, TextInput } from '@patternfly/react-core';
import { UploadIcon } from '@patternfly/react-icons';
import { useEffect, useId, useRef, useState } from 'react';
import { focusTarget } from '../ui/focusField.js';
import { useT } from '../platform/i18n.js';
import type { Access } from '../api/access.js';
import { FieldHelp, SubmitRow, splitServerError } from '../ui/formParts.js';
import { usePutTrust } from '../api/trust.js';
import { readTextFile } from './readTextFile.js';

function SavedAlert({ result }: { result: PutTrustResponse }) {
  const t = useT();
  const extra = [
    result.created ? t('Created the ConfigMap {{name}}.', { name: result.trust.configMapName }) : '',
    result.referenceSet ? t('Set the image config reference (additionalTrustedCA) to it.') : '',
    result.changed !== false ? '' : t('The registry already had exactly this bundle: nothing was written.'),
  ].filter(Boolean);
  return (
    <Alert
      variant={result.warnings.length > 0 ? 'warning' : 'success'}
      isInline
      title={t('Saved the CA of {{registry}}', { registry: result.registry.registry })}
      data-test="trust-saved"
    >
      {extra.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {result.warnings.length > 0 ? (
        <>
          <p>{t('Saved, but check these:')}</p>
          <List>
            {result.warnings.map((w) => (
              <ListItem key={w}>{w}</ListItem>
            ))}
          </List>
        </>
      ) : null}
    </Alert>
  );
}

interface Props {
  access: Access;
  /** Set when the user chose "Replace" on a row: prefills and focuses the form. */
  replacing?: { registry: string; nonce: number };
}

/** Add or replace one registry's CA bundle: hostname[:port] plus PEM (pasted or read from a file). */
export function TrustForm({ access, replacing }: Props) {
  const t = useT();
  const ids = useId();
  const put = usePutTrust();
  const [registry, setRegistry] = useState('');
  const [pem, setPem] = useState('');
  const [fileError, setFileError] = useState<string>();
  const [touched, setTouched] = useState(false);
  const pemRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!replacing) return;
    setRegistry(replacing.registry);
    setPem('');
    put.reset();
    pemRef.current?.focus();
    // Re-run only when a row's Replace is clicked (the nonce), not on every render.
  }, [replacing?.nonce]);

  const { field: serverError, other: otherError } = splitServerError(put.error, ['registry', 'pem']);
  const localHostProblem = touched && registry !== '' ? registryHostProblem(registry.trim()) : undefined;
  const hostError = localHostProblem ?? serverError('registry');
  const keyProblem = pemPrivateKeyProblem(pem);
  const pemError = fileError ?? keyProblem ?? serverError('pem');
  const canSubmit =
    access.allowed &&
    registry.trim() !== '' &&
    pem.trim() !== '' &&
    !keyProblem &&
    !registryHostProblem(registry.trim()) &&
    !put.isPending;

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(undefined);
    try {
      setPem(await readTextFile(file));
    } catch (err) {
      setFileError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Form
      aria-label={t('Add registry CA')}
      data-test="trust-form"
      onSubmit={(event) => {
        event.preventDefault();
        // A private key is refused here, so it is never sent (the server refuses it too).
        if (!canSubmit) return;
        put.mutate({ registry: registry.trim(), pem }, { onSuccess: () => setPem('') });
      }}
    >
      <FormGroup label={t('Registry hostname')} isRequired fieldId={`${ids}-host`}>
        <TextInput
          id={`${ids}-host`}
          {...focusTarget('additionalTrustedCA')}
          value={registry}
          isDisabled={!access.allowed}
          validated={hostError ? 'error' : 'default'}
          onBlur={() => setTouched(true)}
          onChange={(_e, value) => {
            setRegistry(value);
            setTouched(true);
          }}
        />
        <FieldHelp
          error={hostError}
          hint={t(
            'hostname or hostname:port (such as registry.example.com:5000), without scheme or path. The port is stored as hostname..port in the ConfigMap key.',
          )}
        />
      </FormGroup>
      <FormGroup label={t('CA certificate (PEM)')} isRequired fieldId={`${ids}-pem`}>
        <TextArea
          id={`${ids}-pem`}
          ref={pemRef}
          value={pem}
          rows={8}
          resizeOrientation="vertical"
          style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
          isDisabled={!access.allowed}
          validated={pemError ? 'error' : 'default'}
          onChange={(_e, value) => {
            setPem(value);
            setFileError(undefined);
          }}
        />
        <FieldHelp
          error={pemError}
          hint={t(
            'One or more certificates. Paste them or read a .crt or .pem file below; the file is read in your browser.',
          )}
        />
      </FormGroup>
      <FormGroup label={t('Certificate file')} fieldId={`${ids}-file`}>
        {/* The browser's own file control does not look like the form around it: a PatternFly button opens it. */}
        <input
          id={`${ids}-file`}
          ref={fileRef}
          type="file"
          hidden
          accept=".crt,.pem,.cer,application/x-pem-file,application/x-x509-ca-cert"
          disabled={!access.allowed}
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <Button
          variant="secondary"
          icon={<UploadIcon />}
          isDisabled={!access.allowed}
          onClick={() => fileRef.current?.click()}
        >
          {t('Read a .crt or .pem file…')}
        </Button>
      </FormGroup>
      {put.isSuccess ? <SavedAlert result={put.data} /> : null}
      <SubmitRow
        access={access}
        label={t('Save CA')}
        canSubmit={canSubmit}
        pending={put.isPending}
        failedTitle={t('The CA was not saved')}
        failure={otherError}
      />
    </Form>
  );
}
