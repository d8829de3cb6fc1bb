import type { TrustedCertificate, TrustedRegistry } from '@irc/shared';
import { Button, Flex, Label, List, ListItem } from '@patternfly/react-core';
import { ExclamationCircleIcon, ExclamationTriangleIcon } from '@patternfly/react-icons';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useT } from '../platform/i18n.js';
import { AccessTooltip } from '../ui/AccessTooltip.js';
import type { Access } from '../api/access.js';

/** `host:port` → its two parts (the port column is empty for the default 443). */
export function splitRegistry(registry: string): { hostname: string; port: string } {
  const [hostname = registry, port = ''] = registry.split(':');
  return { hostname, port };
}

function Validity({ cert }: { cert: TrustedCertificate }) {
  const t = useT();
  // One line: two dates broken at every hyphen read as a column of fragments.
  const range = (
    <span className="irc-nowrap" data-test="cert-validity">
      {cert.validFrom.slice(0, 10)} – {cert.validTo.slice(0, 10)}
    </span>
  );
  if (cert.expired || cert.notYetValid) {
    return (
      <span data-test="cert-validity-problem">
        <span className="irc-nowrap">
          <ExclamationCircleIcon
            color="var(--pf-t--global--icon--color--status--danger--default)"
            aria-hidden
          />{' '}
          <strong>{cert.expired ? t('Expired') : t('Not yet valid')}</strong>
        </span>{' '}
        {range}
      </span>
    );
  }
  return range;
}

function CertificateCells({ cert }: { cert: TrustedCertificate }) {
  const t = useT();
  return (
    <>
      <Td dataLabel={t('Subject')}>{cert.subject}</Td>
      <Td dataLabel={t('Issuer')}>{cert.selfSigned ? t('Self-signed') : cert.issuer}</Td>
      <Td dataLabel={t('Validity')}>
        <Validity cert={cert} />
      </Td>
      <Td dataLabel={t('SHA-256 fingerprint')} modifier="breakWord">
        <code>{cert.fingerprintSha256}</code>
      </Td>
      <Td dataLabel={t('CA')}>
        {cert.ca ? (
          t('Yes')
        ) : (
          <>
            <ExclamationTriangleIcon
              color="var(--pf-t--global--icon--color--status--warning--default)"
              aria-hidden
            />{' '}
            {t('No (not a CA)')}
          </>
        )}
      </Td>
    </>
  );
}

interface Props {
  registries: TrustedRegistry[];
  access: Access;
  onReplace(registry: string): void;
  onRemove(registry: string): void;
}

/** One row per certificate; the registry cells span its certificates. */
export function TrustedRegistriesTable({ registries, access, onReplace, onRemove }: Props) {
  const t = useT();
  return (
    <Table aria-label={t('Trusted registries')} variant="compact" data-test="trusted-registries">
      <Thead>
        <Tr>
          <Th modifier="wrap">{t('Hostname')}</Th>
          <Th modifier="wrap">{t('Port')}</Th>
          <Th modifier="wrap">{t('Subject')}</Th>
          <Th modifier="wrap">{t('Issuer')}</Th>
          <Th modifier="wrap">{t('Validity')}</Th>
          <Th modifier="wrap">{t('SHA-256 fingerprint')}</Th>
          <Th modifier="wrap">{t('CA')}</Th>
          <Th screenReaderText={t('Actions')} />
        </Tr>
      </Thead>
      {registries.map((entry) => {
        const { hostname, port } = splitRegistry(entry.registry);
        const span = Math.max(entry.certificates.length, 1);
        const [first, ...rest] = entry.certificates;
        const registryCells = (
          <>
            <Td dataLabel={t('Hostname')} rowSpan={span}>
              <strong>{hostname}</strong>
              {entry.warnings.length > 0 ? (
                <List isPlain>
                  {entry.warnings.map((w) => (
                    <ListItem key={w}>
                      <Label color="orange" isCompact icon={<ExclamationTriangleIcon />}>
                        {w}
                      </Label>
                    </ListItem>
                  ))}
                </List>
              ) : null}
            </Td>
            <Td dataLabel={t('Port')} rowSpan={span}>
              {port || t('default (443)')}
            </Td>
          </>
        );
        const actions = (
          <Td isActionCell rowSpan={span}>
            <Flex spaceItems={{ default: 'spaceItemsSm' }} flexWrap={{ default: 'nowrap' }}>
              <AccessTooltip access={access}>
                <Button
                  variant="secondary"
                  size="sm"
                  isDisabled={!access.allowed}
                  onClick={() => onReplace(entry.registry)}
                  aria-label={t('Replace the CA of {{registry}}', { registry: entry.registry })}
                >
                  {t('Replace')}
                </Button>
              </AccessTooltip>
              <AccessTooltip access={access}>
                <Button
                  variant="secondary"
                  isDanger
                  size="sm"
                  isDisabled={!access.allowed}
                  onClick={() => onRemove(entry.registry)}
                  aria-label={t('Remove the CA of {{registry}}', { registry: entry.registry })}
                >
                  {t('Remove')}
                </Button>
              </AccessTooltip>
            </Flex>
          </Td>
        );
        return (
          <Tbody key={entry.key} data-test={`trust-${entry.registry}`}>
            <Tr>
              {registryCells}
              {first ? (
                <CertificateCells cert={first} />
              ) : (
                <Td colSpan={5}>{t('No readable certificate')}</Td>
              )}
              {actions}
            </Tr>
            {rest.map((cert) => (
              <Tr key={cert.fingerprintSha256}>
                <CertificateCells cert={cert} />
              </Tr>
            ))}
          </Tbody>
        );
      })}
    </Table>
  );
}
