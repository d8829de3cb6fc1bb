import { Tooltip } from '@patternfly/react-core';
import type { ReactElement } from 'react';
import type { Access } from './permissions.js';

/**
 * Wraps a disabled control with a tooltip saying why it is disabled. Disabled buttons get no
 * pointer or focus events, so the tooltip sits on a focusable wrapper.
 */
export function AccessTooltip({ access, children }: { access: Access; children: ReactElement }) {
  if (access.allowed) return children;
  return (
    <Tooltip content={access.reason}>
      <span tabIndex={0} className="irc-disabled-reason" aria-label={access.reason}>
        {children}
      </span>
    </Tooltip>
  );
}
