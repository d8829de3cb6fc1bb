import { Alert } from '@patternfly/react-core';
import { useT } from '../platform/i18n.js';
import type { Access } from '../api/access.js';

/** Says once, at the top of the page, why every control below is disabled. */
export function ReadOnlyAlert({ access, dataTest }: { access: Access; dataTest: string }) {
  const t = useT();
  if (access.allowed || access.loading) return null;
  return (
    <Alert variant="info" isInline title={t('Read-only')} data-test={dataTest}>
      {access.reason}
    </Alert>
  );
}
