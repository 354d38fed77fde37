// The built-in privacy statement (/privacy): the sections of a statement for a self-hosted
// Werkraum, filled with what this instance says about itself (operator, retention, the
// anonymity threshold of voting), in German or English.
import { initI18n, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { fetchPrivacy } from './api/http.js';
import { h, setAttr } from './ui/dom.js';

/** Each section: its heading and its paragraphs, as keys under privacy.*. */
const SECTIONS = [
  ['controllerHeading', ['controller', 'controllerContact']],
  ['purposesHeading', ['purposes']],
  ['legalBasisHeading', ['legalBasis']],
  ['dataHeading', ['dataPeople', 'dataContent', 'dataVotes', 'dataPresence', 'dataTechnical']],
  ['recipientsHeading', ['recipients', 'transfers']],
  ['retentionHeading', ['retention', 'retentionExports']],
  ['browserHeading', ['browser']],
  ['thirdPartiesHeading', ['thirdParties']],
  ['rightsHeading', ['rights', 'rightsSelf', 'complaint']],
];

async function main() {
  await initI18n();
  const facts = await fetchPrivacy().catch(() => ({}));
  const sections = document.getElementById('privacy-sections');
  const langButtons = [...document.querySelectorAll('[data-lang]')];
  for (const button of langButtons) button.addEventListener('click', () => setLanguage(button.dataset.lang));

  function render() {
    const params = {
      operator: facts.operatorName || t('privacy.operatorUnnamed'),
      contact: facts.operatorContact || t('privacy.contactUnnamed'),
      days: facts.retentionDays ?? '–',
      threshold: facts.anonymityThreshold ?? '–',
    };
    sections.replaceChildren(...SECTIONS.map(([heading, paragraphs]) => h('section', {}, [
      h('h2', { text: t(`privacy.${heading}`) }),
      ...paragraphs.map((key) => h('p', { 'data-part': key, text: t(`privacy.${key}`, params) })),
    ])));
    for (const button of langButtons) setAttr(button, 'aria-pressed', String(button.dataset.lang === language()));
  }

  render();
  onLanguageChange(render);
}

main().catch(() => {
  document.getElementById('startup-error').hidden = false;
});
