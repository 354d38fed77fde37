// The built-in accessibility statement (/accessibility, BGG §12b and BITV 2.0 §7, after the EU
// model statement): compliance status, the parts not yet accessible and their alternatives, how
// and when it was prepared, the operator's feedback contact (or, truthfully, that they gave
// none), and the enforcement procedure; in German or English.
import { initI18n, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { fetchAccessibility } from './api/http.js';
import { formatDate } from './state/retention.js';
import { h, setAttr } from './ui/dom.js';

/**
 * When the self-assessment behind the statement was made; update it with each review. Noon UTC,
 * so it is the same calendar day in every reader's time zone.
 */
const PREPARED = Date.UTC(2026, 11, 2, 12);
const ENFORCEMENT_URL = 'https://www.schlichtungsstelle-bgg.de';

/** The operator's contact as a list (e-mail and form as links), or null when they gave none. */
function contactList(facts) {
  const items = [
    facts.contactEmail && ['contactEmail', h('a', { href: `mailto:${facts.contactEmail}`, text: facts.contactEmail })],
    facts.contactUrl && ['contactUrl', h('a', { href: facts.contactUrl, text: facts.contactUrl })],
    facts.contactAddress && ['contactAddress', facts.contactAddress],
  ].filter(Boolean);
  if (items.length === 0) return null;
  return h('ul', { className: 'statement__contact', 'data-part': 'contact' }, items.map(([key, value]) =>
    h('li', { 'data-part': key }, [`${t(`statement.${key}`)}: `, value])));
}

function section(heading, children) {
  return h('section', {}, [h('h2', { text: t(`statement.${heading}`) }), ...children]);
}

function paragraph(key, params) {
  return h('p', { 'data-part': key, text: t(`statement.${key}`, params) });
}

async function main() {
  await initI18n();
  const facts = await fetchAccessibility().catch(() => ({}));
  const sections = document.getElementById('statement-sections');
  const langButtons = [...document.querySelectorAll('[data-lang]')];
  for (const button of langButtons) button.addEventListener('click', () => setLanguage(button.dataset.lang));

  function render() {
    const contact = contactList(facts);
    sections.replaceChildren(
      paragraph('intro', { site: location.origin }),
      paragraph('operator', { operator: facts.operatorName || t('statement.operatorUnnamed') }),
      section('statusHeading', [paragraph('status')]),
      section('barriersHeading', [
        paragraph('barriersIntro'),
        h('ul', { 'data-part': 'barriers' }, ['barrierBoard', 'barrierPointers']
          .map((key) => h('li', { 'data-part': key, text: t(`statement.${key}`) }))),
        paragraph('alternatives'),
      ]),
      section('preparationHeading', [paragraph('preparation', { date: formatDate(PREPARED, language()) })]),
      section('feedbackHeading', contact ? [paragraph('feedback'), contact] : [paragraph('noContact')]),
      section('enforcementHeading', [
        paragraph('enforcement'),
        paragraph('enforcementBody'),
        h('p', {}, [`${t('statement.enforcementLink')}: `,
          h('a', { href: ENFORCEMENT_URL, 'data-part': 'enforcementLink', text: ENFORCEMENT_URL })]),
        paragraph('enforcementLaender'),
      ]),
    );
    for (const button of langButtons) setAttr(button, 'aria-pressed', String(button.dataset.lang === language()));
  }

  render();
  onLanguageChange(render);
}

main().catch(() => {
  document.getElementById('startup-error').hidden = false;
});
