import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_NAMESPACE } from '../platform/i18n.js';
import en from '../../locales/en/plugin__image-registry-console-plugin.json';

// Standalone only: inside the console, the console's i18next loads the same catalogue.
if (!i18next.isInitialized) {
  void i18next.use(initReactI18next).init({
    lng: 'en',
    fallbackLng: 'en',
    ns: [I18N_NAMESPACE],
    defaultNS: I18N_NAMESPACE,
    resources: { en: { [I18N_NAMESPACE]: en } },
    // Keys contain ':' and '.' (they are English sentences), so no separators.
    nsSeparator: false,
    keySeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    showSupportNotice: false,
  });
}

export default i18next;
