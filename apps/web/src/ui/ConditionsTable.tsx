import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { ConditionStatusLabel, MessageLines, type Health } from './conditions.js';
import type { Condition } from '../api/contract.js';
import { useT } from '../platform/i18n.js';
import { Since } from './time.js';

/** Every condition of an object: type, status (colour + icon), reason, message lines, since. */
export function ConditionsTable({
  conditions,
  label,
  dataTest,
  healthOf,
}: {
  conditions: Condition[];
  label: string;
  dataTest?: string;
  /** The kind's own rule of which status is healthy; default: the registry conditions' polarity. */
  healthOf?: (condition: Condition) => Health;
}) {
  const t = useT();
  return (
    <Table aria-label={label} variant="compact" data-test={dataTest}>
      <Thead>
        <Tr>
          <Th>{t('Type')}</Th>
          <Th>{t('Status')}</Th>
          <Th>{t('Reason')}</Th>
          <Th>{t('Message')}</Th>
          <Th>{t('Since')}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {conditions.map((condition) => (
          <Tr key={condition.type} data-test={`condition-${condition.type}`}>
            <Td dataLabel={t('Type')}>{condition.type}</Td>
            <Td dataLabel={t('Status')}>
              <ConditionStatusLabel condition={condition} health={healthOf?.(condition)} />
            </Td>
            <Td dataLabel={t('Reason')}>{condition.reason || t('—')}</Td>
            <Td dataLabel={t('Message')}>
              <MessageLines message={condition.message} />
            </Td>
            <Td dataLabel={t('Since')} modifier="nowrap">
              <Since time={condition.lastTransitionTime} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
