// Entry point of the start page: create a workshop board and hand out its two links.
import { errorMessageKey, initI18n, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { ApiError, createBoard, fetchTemplates } from './api/http.js';
import { copyToClipboard, setAttr, setText } from './ui/dom.js';
import { NAME_MAX } from './state/limits.js';

async function main() {
  await initI18n();
  const form = document.getElementById('create-form');
  const title = document.querySelector('[data-testid="create-title"]');
  const templateSelect = document.querySelector('[data-testid="create-template"]');
  const submit = document.querySelector('[data-testid="create-submit"]');
  const error = document.getElementById('create-error');
  const result = document.getElementById('create-result');
  const facilitatorLink = document.querySelector('[data-testid="facilitator-link"]');
  const participantLink = document.querySelector('[data-testid="participant-link"]');
  const openButton = document.querySelector('[data-testid="open-facilitator"]');
  const copyStatus = document.getElementById('copy-status');
  const langButtons = [...document.querySelectorAll('[data-lang]')];

  let state = { busy: false, errorKey: null, errorCode: '', invalid: false, links: null };

  function render() {
    submit.disabled = state.busy;
    setText(submit, t(state.busy ? 'start.creating' : 'start.create'));
    error.hidden = !state.errorKey;
    setText(error, state.errorKey ? t(state.errorKey, { code: state.errorCode }) : '');
    setAttr(title, 'aria-invalid', state.invalid ? 'true' : null);
    result.hidden = !state.links;
    if (state.links) {
      facilitatorLink.href = state.links.facilitator;
      setText(facilitatorLink, state.links.facilitator);
      participantLink.href = state.links.participant;
      setText(participantLink, state.links.participant);
    }
    for (const button of langButtons) setAttr(button, 'aria-pressed', String(button.dataset.lang === language()));
  }

  /** The template choices, named in the page's language; the empty choice stays first. */
  async function loadTemplates() {
    const chosen = templateSelect.value;
    let templates = [];
    try {
      templates = await fetchTemplates(language());
    } catch {
      return; // Without the list, boards start empty: still a working start page.
    }
    while (templateSelect.options.length > 1) templateSelect.remove(1);
    for (const template of templates) {
      const option = document.createElement('option');
      option.value = template.id;
      option.textContent = template.name;
      option.title = template.sections.join(' · ');
      templateSelect.append(option);
    }
    templateSelect.value = chosen;
  }

  for (const button of langButtons) button.addEventListener('click', () => setLanguage(button.dataset.lang));
  onLanguageChange(() => {
    render();
    loadTemplates();
  });
  loadTemplates();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = title.value.trim();
    if (!value) {
      state = { ...state, errorKey: 'start.titleRequired', invalid: true };
      render();
      title.focus();
      return;
    }
    state = { ...state, busy: true, errorKey: null, invalid: false };
    render();
    try {
      const created = await createBoard(value.slice(0, NAME_MAX), templateSelect.value || null, language());
      state = {
        ...state,
        busy: false,
        links: {
          facilitator: absolute(created.facilitatorLink),
          participant: absolute(created.participantLink),
        },
      };
      render();
      result.focus();
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : 'network';
      state = { ...state, busy: false, errorKey: errorMessageKey(code), errorCode: code };
      render();
    }
  });

  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const link = document.querySelector(`[data-testid="${button.dataset.copy}"]`).href;
      const copied = await copyToClipboard(link);
      setText(copyStatus, '');
      // Re-set after a tick so screen readers announce the same message twice in a row.
      setTimeout(() => setText(copyStatus, t(copied ? 'start.copied' : 'start.copyFailed')), 50);
    });
  }
  openButton.addEventListener('click', () => {
    if (state.links) location.assign(state.links.facilitator);
  });

  title.setAttribute('maxlength', String(NAME_MAX));
  render();
}

/** Links may come back relative (/b/...) or absolute; show them absolute for sharing. */
function absolute(link) {
  return new URL(link, window.location.origin).href;
}

main().catch((error) => {
  const fallback = document.getElementById('startup-error');
  if (fallback) fallback.hidden = false;
  console.error(error);
});
