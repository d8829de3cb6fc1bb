import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldsContext, TextField } from './fields.js';

const HELPER = 'A duration such as 30s, 1m30s or 2h.';
const ERROR = 'must be a duration such as 30s, 1m30s or 2h';

function field(errors: string[]) {
  return render(
    <FieldsContext.Provider
      value={{ errors: new Map([['spec.wait', errors]]), disabled: false, disabledReason: '' }}
    >
      <TextField path="spec.wait" label="Wait" value="abc" onChange={() => undefined} helper={HELPER} />
    </FieldsContext.Provider>,
  );
}

describe('TextField', () => {
  it('shows its helper text while the value is valid', () => {
    field([]);
    expect(screen.getByText(HELPER)).toBeTruthy();
  });

  it('replaces the helper text with the error, so the error does not repeat it', () => {
    field([ERROR]);
    expect(screen.getByText(ERROR)).toBeTruthy();
    expect(screen.queryByText(HELPER)).toBeNull();
  });
});
