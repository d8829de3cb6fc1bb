import {
  ActionGroup,
  Alert,
  Button,
  FormHelperText,
  HelperText,
  HelperTextItem,
} from '@patternfly/react-core';
import { AccessTooltip } from './AccessTooltip.js';
import { fieldErrorsOf } from '../api/errors.js';
import type { Access } from '../api/access.js';

/** Pieces the trust and pull-secret forms share (both are one-object write forms). */

/** The field's server or local error, else its hint. */
export function FieldHelp({ error, hint }: { error?: string; hint?: string }) {
  if (!error && !hint) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant={error ? 'error' : 'default'}>{error ?? hint}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/**
 * Splits a failed write into errors for named fields (422 `fieldErrors`, matched by path or path
 * prefix) and the message of everything else, shown once above the submit button.
 */
export function splitServerError(
  error: unknown,
  fields: readonly string[],
): { field(path: string): string | undefined; other: string | undefined } {
  const errors = fieldErrorsOf(error);
  const field = (path: string) =>
    errors.find((f) => f.path === path || f.path.startsWith(`${path}.`))?.message;
  const other = error instanceof Error && !fields.some((p) => field(p)) ? error.message : undefined;
  return { field, other };
}

interface SubmitProps {
  access: Access;
  label: string;
  canSubmit: boolean;
  pending: boolean;
  failedTitle: string;
  failure: string | undefined;
}

/** The failure alert (when any) and the submit button, disabled with the reason when not allowed. */
export function SubmitRow({ access, label, canSubmit, pending, failedTitle, failure }: SubmitProps) {
  return (
    <>
      {failure ? (
        <Alert variant="danger" isInline title={failedTitle}>
          {failure}
        </Alert>
      ) : null}
      <ActionGroup>
        <AccessTooltip access={access}>
          <Button type="submit" variant="primary" isDisabled={!canSubmit} isLoading={pending}>
            {label}
          </Button>
        </AccessTooltip>
      </ActionGroup>
    </>
  );
}
