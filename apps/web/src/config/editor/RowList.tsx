import { Button, Flex, FlexItem, FormFieldGroup, FormFieldGroupHeader } from '@patternfly/react-core';
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { useContext, type ReactNode } from 'react';
import { FieldsContext } from './fields.js';

interface Props<R> {
  title: string;
  /** Id for the group heading (aria). */
  id: string;
  rows: R[];
  onChange(rows: R[]): void;
  empty: () => R;
  addLabel: string;
  removeLabel(index: number): string;
  renderRow(row: R, index: number, update: (row: R) => void): ReactNode;
  description?: ReactNode;
}

/** An editable list of rows (routes, tolerations, node selector labels) with add and remove. */
export function RowList<R>({
  title,
  id,
  rows,
  onChange,
  empty,
  addLabel,
  removeLabel,
  renderRow,
  description,
}: Props<R>) {
  const { disabled } = useContext(FieldsContext);
  return (
    <FormFieldGroup
      header={<FormFieldGroupHeader titleText={{ text: title, id }} titleDescription={description} />}
    >
      {rows.map((row, index) => (
        <Flex
          key={index}
          alignItems={{ default: 'alignItemsFlexEnd' }}
          className="irc-row"
          data-test={`${id}-row-${index}`}
        >
          <FlexItem grow={{ default: 'grow' }}>
            {renderRow(row, index, (next) => onChange(rows.map((r, i) => (i === index ? next : r))))}
          </FlexItem>
          <FlexItem>
            <Button
              variant="plain"
              aria-label={removeLabel(index)}
              icon={<MinusCircleIcon />}
              isDisabled={disabled}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            />
          </FlexItem>
        </Flex>
      ))}
      <div>
        <Button
          variant="link"
          icon={<PlusCircleIcon />}
          isDisabled={disabled}
          onClick={() => onChange([...rows, empty()])}
        >
          {addLabel}
        </Button>
      </div>
    </FormFieldGroup>
  );
}
