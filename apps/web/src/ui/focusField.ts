/**
 * A diagnosis's fix links to the page of its field with `?field=<path>`
 * (`/config/advanced?field=spec.nodeSelector`, `/trust?field=additionalTrustedCA`): once the page
 * has rendered that field (its data loads first), it gets the focus. The field is the element
 * marked `data-irc-field="<path>"` (or its first focusable element: a toggle group's button),
 * else the input whose id is fieldId(path), else the first row of a list field
 * (spec.nodeSelector → the first label key).
 */
import { useEffect } from 'react';
import { useLocation, useSearchParams } from 'react-router';

const TRY_EVERY_MS = 50;
const GIVE_UP_AFTER = 100;
const FOCUSABLE = 'input, textarea, select, button, [tabindex]';

/** The id of a config form's input for a field path (`spec.nodeSelector` → `irc-field-spec-nodeSelector`). */
export function fieldId(path: string): string {
  return `irc-field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** Marks the element a fix's `?field=<path>` focuses, on pages whose inputs are not named by fieldId. */
export function focusTarget(path: string): { 'data-irc-field': string } {
  return { 'data-irc-field': path };
}

function target(path: string): HTMLElement | null {
  const marked = document.querySelector<HTMLElement>(`[data-irc-field="${CSS.escape(path)}"]`);
  const id = fieldId(path);
  const el = marked
    ? marked.matches(FOCUSABLE)
      ? marked
      : marked.querySelector<HTMLElement>(FOCUSABLE)
    : (document.getElementById(id) ?? document.querySelector<HTMLElement>(`[id^="${CSS.escape(`${id}-`)}"]`));
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
