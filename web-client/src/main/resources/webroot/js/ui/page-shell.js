// What the board page and the control view share around their content: translations, toasts,
// the top bar (title, connection state, language switch), re-rendering on a language change.
import { applyTranslations, initI18n, language, onLanguageChange, setLanguage, t } from '../i18n.js';
import { mountToasts } from './toasts.js';
import { mountTopbar } from './topbar.js';

export async function mountPageShell() {
  await initI18n();
  const topbar = mountTopbar(document.querySelector('.topbar'), { onLanguage: (lang) => setLanguage(lang) });
  const shell = {
    toasts: mountToasts(document.getElementById('toasts'), { t }),
    /** What the top bar shows; replace it and call renderTopbar(). */
    topbarState: { boardTitle: '', connectionState: null, offline: !navigator.onLine },
    /** The page's own render, called again when the language changes. */
    renderPage: () => {},
    renderTopbar() {
      topbar.update({ ...shell.topbarState, lang: language(), t });
    },
  };
  shell.renderTopbar();
  onLanguageChange(() => {
    applyTranslations(document);
    shell.renderTopbar();
    shell.renderPage();
  });
  return shell;
}
