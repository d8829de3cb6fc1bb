import { useTranslation } from 'react-i18next';

/** Must equal `plugin__<ConsolePlugin name>` so the console finds the catalogue. */
export const I18N_NAMESPACE = 'plugin__image-registry-console-plugin';

/** `t()` bound to this app's namespace. Keys are the English strings (console convention). */
export function useT() {
  return useTranslation(I18N_NAMESPACE).t;
}
