import { Tooltip } from '@patternfly/react-core';
import { useRef, type ReactElement } from 'react';
import type { Access } from '../api/access.js';

/**
 * Wraps a control with a tooltip saying why it is disabled. Disabled buttons get no pointer or
 * focus events, so the tooltip hangs on a focusable wrapper. The wrapper is always there so that
 * the control is not remounted when the permission check resolves.
 */
export function AccessTooltip({ access, children }: { access: Access; children: ReactElement }) {
  const wrapper = useRef<HTMLSpanElement>(null);
  const denied = !access.allowed && !access.loading;
  return (
    <>
      <span ref={wrapper} tabIndex={denied ? 0 : undefined} className="irc-disabled-reason">
        {children}
      </span>
      {denied ? <Tooltip content={access.reason} triggerRef={wrapper} /> : null}
    </>
  );
}
