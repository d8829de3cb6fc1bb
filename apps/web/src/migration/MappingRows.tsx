import { MAX_MAPPINGS, parseMapping } from '@irc/shared';
import { Button, Flex, FlexItem, FormGroup, TextInput } from '@patternfly/react-core';
import { MinusCircleIcon, PlusCircleIcon } from '@patternfly/react-icons';
import { useId } from 'react';
import { useT } from '../platform/i18n.js';
import { FieldHelp } from '../ui/formParts.js';

interface Props {
  mappings: string[];
  onChange(next: string[]): void;
  /** The server's 422 message for `mappings[i]`. */
  serverError(path: string): string | undefined;
  disabled: boolean;
}

/** `SRC=DST` rows, checked as typed with the server's own parser (same messages). */
export function MappingRows({ mappings, onChange, serverError, disabled }: Props) {
  const t = useT();
  const ids = useId();
  const set = (i: number, value: string) => onChange(mappings.map((m, j) => (j === i ? value : m)));
  return (
    <FormGroup label={t('Mappings')} isRequired role="group" fieldId={`${ids}-0`}>
      {mappings.map((m, i) => {
        const local =
          m.trim() === ''
            ? undefined
            : (() => {
                const p = parseMapping(m);
                return p.ok ? undefined : p.message;
              })();
        const error = local ?? serverError(`mappings[${i}]`);
        return (
          <div key={i} className={i > 0 ? 'irc-gap-top' : undefined} data-test="mapping-row">
            <Flex flexWrap={{ default: 'nowrap' }} alignItems={{ default: 'alignItemsCenter' }}>
              <FlexItem grow={{ default: 'grow' }}>
                <TextInput
                  id={`${ids}-${i}`}
                  aria-label={t('Mapping {{n}}', { n: i + 1 })}
                  value={m}
                  isDisabled={disabled}
                  validated={error ? 'error' : 'default'}
                  onChange={(_e, value) => set(i, value)}
                  style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
                />
              </FlexItem>
              <FlexItem>
                <Button
                  variant="plain"
                  aria-label={t('Remove mapping {{n}}', { n: i + 1 })}
                  isDisabled={disabled || mappings.length === 1}
                  onClick={() => onChange(mappings.filter((_m, j) => j !== i))}
                  icon={<MinusCircleIcon />}
                />
              </FlexItem>
            </Flex>
            <FieldHelp error={error} />
          </div>
        );
      })}
      <FieldHelp
        hint={t(
          'REGISTRY/NAME=REGISTRY/NAME, one per row. NAME is the whole repository path; either part may be * (on the right: keep it). The first matching row wins.',
        )}
      />
      <Button
        variant="link"
        icon={<PlusCircleIcon />}
        isInline
        isDisabled={disabled || mappings.length >= MAX_MAPPINGS}
        onClick={() => onChange([...mappings, ''])}
      >
        {t('Add mapping')}
      </Button>
    </FormGroup>
  );
}
