import type { PullSecretRegistry } from '@irc/shared';
import { Label, LabelGroup } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useT } from '../platform/i18n.js';

/**
 * What kind of credential an entry holds. An `auth` value is base64 of "username:password"
 * (what this console and `oc registry login` write), so it is a username and password, as are
 * separate `username`/`password` fields.
 */
function CredentialKinds({ entry }: { entry: PullSecretRegistry }) {
  const t = useT();
  const kinds = [
    entry.hasAuth || entry.hasUsernamePassword ? t('Username and password') : '',
    entry.hasIdentityToken ? t('Identity token') : '',
  ].filter(Boolean);
  if (kinds.length === 0) return <span className="irc-subtle">{t('None')}</span>;
  return (
    <LabelGroup>
      {kinds.map((kind) => (
        <Label key={kind} color="green" isCompact>
          {kind}
        </Label>
      ))}
    </LabelGroup>
  );
}

/** Registry names and which kind of credential their entry has — the values never reach the browser. */
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
          <Th>{t('Registry')}</Th>
          <Th>{t('Credentials')}</Th>
          <Th>{t('Email')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {registries.map((r) => (
          <Tr key={r.registry}>
            <Td dataLabel={t('Registry')}>
              <strong>{r.registry}</strong>
            </Td>
            <Td dataLabel={t('Credentials')} data-test="pull-secret-credentials">
              <CredentialKinds entry={r} />
            </Td>
            <Td dataLabel={t('Email')}>
              {r.hasEmail ? t('Set') : <span className="irc-subtle">{t('Not set')}</span>}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
