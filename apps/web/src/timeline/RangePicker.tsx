import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../platform/i18n.js';
import {
  fromLocalInput,
  PRESETS,
  resolveRange,
  toLocalInput,
  validateCustom,
  type PresetKey,
  type RangeErrors,
  type RangeProblem,
  type TimeRange,
} from './timeRange.js';

function useProblemText(): Record<RangeProblem, string> {
  const t = useT();
  return {
    startInvalid: t('Enter the start as a date and time.'),
    endInvalid: t('Enter the end as a date and time.'),
    endBeforeStart: t('The end must be after the start.'),
    tooLong: t('A range is at most 14 days (what cluster monitoring keeps).'),
    future: t('The end cannot be in the future.'),
  };
}

/** A date and time (local) with its problem, if any, under it. */
function TimeField({
  id,
  label,
  value,
  onChange,
  problem,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: RangeProblem;
}) {
  const text = useProblemText();
  return (
    <FormGroup label={label} fieldId={id}>
      <TextInput
        id={id}
        type="datetime-local"
        value={value}
        onChange={(_e, v) => onChange(v)}
        validated={problem ? 'error' : 'default'}
        aria-invalid={Boolean(problem)}
      />
      {problem ? (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant="error">{text[problem]}</HelperTextItem>
          </HelperText>
        </FormHelperText>
      ) : null}
    </FormGroup>
  );
}

/**
 * Last hour … 14 days, or a custom start and end (local time) checked field by field before
 * it is applied. `linkErrors`: what was wrong with a custom range the URL asked for.
 */
export function RangePicker({
  range,
  onChange,
  linkErrors,
}: {
  range: TimeRange;
  onChange(range: TimeRange): void;
  linkErrors?: RangeErrors;
}) {
  const t = useT();
  const presetLabel: Record<PresetKey, string> = {
    '1h': t('Last 1 hour'),
    '6h': t('Last 6 hours'),
    '24h': t('Last 24 hours'),
    '7d': t('Last 7 days'),
    '14d': t('Last 14 days'),
  };
  const [customOpen, setCustomOpen] = useState(range.kind === 'custom' || Boolean(linkErrors));
  const initial = resolveRange(range, Date.now());
  const [start, setStart] = useState(toLocalInput(initial.startMs));
  const [end, setEnd] = useState(toLocalInput(initial.endMs));
  const [errors, setErrors] = useState<RangeErrors>(linkErrors ?? {});
  useEffect(() => {
    if (range.kind !== 'custom') return;
    setStart(toLocalInput(range.startMs));
    setEnd(toLocalInput(range.endMs));
  }, [range]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const startMs = fromLocalInput(start);
    const endMs = fromLocalInput(end);
    const found = validateCustom(startMs, endMs, Date.now());
    setErrors(found);
    if (!found.start && !found.end) onChange({ kind: 'custom', startMs, endMs });
  };

  return (
    <div className="irc-range-picker">
      <ToggleGroup aria-label={t('Time range')}>
        {PRESETS.map(({ key }) => (
          <ToggleGroupItem
            key={key}
            text={presetLabel[key]}
            buttonId={`irc-range-${key}`}
            isSelected={!customOpen && range.kind === 'preset' && range.key === key}
            onChange={() => {
              setCustomOpen(false);
              setErrors({});
              onChange({ kind: 'preset', key });
            }}
          />
        ))}
        <ToggleGroupItem
          text={t('Custom range')}
          buttonId="irc-range-custom"
          isSelected={customOpen}
          onChange={() => setCustomOpen(true)}
        />
      </ToggleGroup>
      {customOpen ? (
        <Form isHorizontal={false} className="irc-range-picker__custom" onSubmit={apply} noValidate>
          <TimeField
            id="irc-range-start"
            label={t('Start')}
            value={start}
            onChange={setStart}
            problem={errors.start}
          />
          <TimeField id="irc-range-end" label={t('End')} value={end} onChange={setEnd} problem={errors.end} />
          <div>
            <Button type="submit" variant="secondary">
              {t('Show this range')}
            </Button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}
