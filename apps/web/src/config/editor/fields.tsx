import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Switch,
  TextInput,
} from '@patternfly/react-core';
import { createContext, useContext, type ReactNode } from 'react';
import { fieldId } from '../../ui/focusField.js';

/** Errors and access for the fields of one section form. */
export interface FieldsContextValue {
  errors: Map<string, string[]>;
  disabled: boolean;
  /** Why the fields are disabled (shown as helper text). */
  disabledReason: string;
}

export const FieldsContext = createContext<FieldsContextValue>({
  errors: new Map(),
  disabled: false,
  disabledReason: '',
});

export { fieldId };

function useField(path: string) {
  const ctx = useContext(FieldsContext);
  const errors = ctx.errors.get(path) ?? [];
  return { ...ctx, errors, id: fieldId(path) };
}

/** The field's errors, else its helper text: an error takes the helper's place (PatternFly's form pattern). */
export function FieldHelp({ errors, helper }: { errors: string[]; helper?: ReactNode }) {
  if (errors.length === 0 && !helper) return null;
  return (
    <FormHelperText>
      <HelperText>
        {errors.length > 0 ? (
          errors.map((message) => (
            <HelperTextItem key={message} variant="error">
              {message}
            </HelperTextItem>
          ))
        ) : (
          <HelperTextItem>{helper}</HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  helper?: ReactNode;
  numeric?: boolean;
  isRequired?: boolean;
  type?: 'text' | 'password' | 'url';
  autoComplete?: string;
}

export function TextField({
  path,
  label,
  value,
  onChange,
  helper,
  numeric,
  isRequired,
  type = 'text',
  autoComplete,
}: TextFieldProps) {
  const field = useField(path);
  return (
    <FormGroup label={label} fieldId={field.id} isRequired={isRequired}>
      <TextInput
        id={field.id}
        name={path}
        value={value}
        type={type}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete={autoComplete ?? 'off'}
        isDisabled={field.disabled}
        validated={field.errors.length ? 'error' : 'default'}
        onChange={(_event, next) => onChange(next)}
      />
      <FieldHelp errors={field.errors} helper={helper} />
    </FormGroup>
  );
}

interface SwitchFieldProps {
  path: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  helper?: ReactNode;
}

export function SwitchField({ path, label, checked, onChange, helper }: SwitchFieldProps) {
  const field = useField(path);
  return (
    <FormGroup fieldId={field.id} role="group" aria-label={label}>
      <Switch
        id={field.id}
        label={label}
        isChecked={checked}
        isDisabled={field.disabled}
        onChange={(_event, next) => onChange(next)}
      />
      <FieldHelp errors={field.errors} helper={helper} />
    </FormGroup>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  options: { value: string; label: string; disabled?: boolean }[];
  onChange(value: string): void;
  helper?: ReactNode;
}

export function SelectField({ path, label, value, options, onChange, helper }: SelectFieldProps) {
  const field = useField(path);
  return (
    <FormGroup label={label} fieldId={field.id}>
      <FormSelect
        id={field.id}
        value={value}
        isDisabled={field.disabled}
        validated={field.errors.length ? 'error' : 'default'}
        onChange={(_event, next) => onChange(next)}
      >
        {options.map((option) => (
          <FormSelectOption
            key={option.value}
            value={option.value}
            label={option.label}
            isDisabled={option.disabled}
          />
        ))}
      </FormSelect>
      <FieldHelp errors={field.errors} helper={helper} />
    </FormGroup>
  );
}

/** Errors for a path that has no input of its own (e.g. `spec.storage`). */
export function PathErrors({ path }: { path: string }) {
  const field = useField(path);
  if (!field.errors.length) return null;
  return (
    <HelperText>
      {field.errors.map((message) => (
        <HelperTextItem key={message} variant="error">
          {message}
        </HelperTextItem>
      ))}
    </HelperText>
  );
}
