/**
 * A diagnosis's fix links to its section with `?field=<path>` (`/config/advanced?field=spec.nodeSelector`):
 * once the form has rendered that field (its data loads first), it gets the focus — the input
 * whose id is fieldId(path), else the first row of a list field (spec.nodeSelector → the first
 * label key).
 */
import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { fieldId } from './editor/fields.js';

const TRY_EVERY_MS = 50;
const GIVE_UP_AFTER = 100;

function target(path: string): HTMLElement | null {
  const id = fieldId(path);
  const el =
    document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(`${id}-`)}"]`);
  return el && !el.matches(':disabled') ? el : null;
}

export function useFocusField(): void {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const field = params.get('field');
  useEffect(() => {
    if (!field) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      const el = target(field);
      if (el) {
        el.focus();
        el.scrollIntoView?.({ block: 'center' });
      }
      if (el || ++tries > GIVE_UP_AFTER) window.clearInterval(timer);
    }, TRY_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [field, pathname]);
}
