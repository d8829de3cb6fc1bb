import type { PullSecretRegistry } from '@irc/shared';
import { Label } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useT } from '../common/i18n.js';

function Flag({ on, label }: { on: boolean; label: string }) {
  const t = useT();
  return on ? (
    <Label color="green" isCompact>
      {label}
    </Label>
  ) : (
    <span className="pf-v6-u-color-200">{t('no')}</span>
  );
}

/** Registry names and which fields their entry has — the values never reach the browser. */
export function PullSecretRegistriesTable({ registries }: { registries: PullSecretRegistry[] }) {
  const t = useT();
  return (
    <Table
      aria-label={t('Registries in the pull secret')}
      variant="compact"
      data-test="pull-secret-registries"
    >
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Registry')}</Th>
          <Th modifier="wrap">{t('Auth token')}</Th>
          <Th modifier="wrap">{t('Username and password')}</Th>
          <Th modifier="wrap">{t('Identity token')}</Th>
          <Th modifier="wrap">{t('Email')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {registries.map((r) => (
          <Tr key={r.registry}>
            <Td dataLabel={t('Registry')}>
              <strong>{r.registry}</strong>
            </Td>
            <Td dataLabel={t('Auth token')}>
              <Flag on={r.hasAuth} label={t('set')} />
            </Td>
            <Td dataLabel={t('Username and password')}>
              <Flag on={r.hasUsernamePassword} label={t('set')} />
            </Td>
            <Td dataLabel={t('Identity token')}>
              <Flag on={r.hasIdentityToken} label={t('set')} />
            </Td>
            <Td dataLabel={t('Email')}>
              <Flag on={r.hasEmail} label={t('set')} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
