// Entry point of the start page: create a workshop board, empty or from a template (built-in,
// or one this browser saved from a board), and hand out its two links.
import { errorMessageKey, initI18n, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { ApiError, createBoard, deleteOwnTemplate, fetchOwnTemplate, fetchSignIn, fetchTemplates, signOut } from './api/http.js';
import { copyToClipboard, h, setAttr, setText } from './ui/dom.js';
import { createConfirm } from './ui/confirm.js';
import { ErrorCodes } from './protocol.js';
import { NAME_MAX } from './state/limits.js';
import { checkOwnTemplates, createOwnTemplates } from './state/own-templates.js';

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
  /** Sign-in on this instance, as the server says: {available, required, user}. */
  let signIn = { available: false, required: false, user: null };
  const account = document.getElementById('account');
  const signedInAs = document.querySelector('[data-testid="signed-in-as"]');
  const signInLink = document.querySelector('[data-testid="sign-in"]');
  const signOutButton = document.querySelector('[data-testid="sign-out"]');
  const signInNotice = document.getElementById('sign-in-notice');
  const createSignIn = document.getElementById('create-sign-in');
  const signInStatus = document.getElementById('sign-in-status');
  // Back from a refused sign-in (the provider or the callback said no): say so once.
  const query = new URLSearchParams(location.search);
  document.getElementById('sign-in-failed').hidden = query.get('signin') !== 'failed';
  if (query.has('signin')) history.replaceState(null, '', location.pathname);

  function renderSignIn() {
    const { available, required, user } = signIn;
    account.hidden = !available;
    signedInAs.hidden = !user;
    setText(signedInAs, user ? t('signin.signedInAs', { name: user.name ?? user.email ?? '' }) : '');
    signInLink.hidden = !!user;
    signOutButton.hidden = !user;
    signInNotice.hidden = !available || !!user;
    setText(signInNotice, required ? t('signin.requiredToCreate') : t('signin.availableToCreate'));
    createSignIn.hidden = !(available && !user && state.errorCode === ErrorCodes.signInRequired);
  }

  async function loadSignIn() {
    try {
      signIn = await fetchSignIn();
    } catch {
      // Without the answer the page works as on an instance without sign-in; creating says if one is needed.
    }
    renderSignIn();
  }

  signOutButton.addEventListener('click', async () => {
    try {
      await signOut();
      signIn = { ...signIn, user: null };
      renderSignIn();
      setText(signInStatus, t('signin.signedOut'));
      signInLink.focus();
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : 'network';
      setText(signInStatus, t(errorMessageKey(code), { code }));
    }
  });

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
    renderSignIn();
  }

  const ownTemplates = createOwnTemplates(window.localStorage);
  const confirm = createConfirm(t);
  const noTemplate = templateSelect.querySelector('option[value=""]');
  const ownActions = document.getElementById('own-template-actions');
  const deleteButton = document.querySelector('[data-testid="delete-template"]');
  const templateStatus = document.getElementById('template-status');
  /** The built-in templates in the page's language; own ones the server still has. */
  const templates = { builtIn: [], own: [] };

  /** The template choices: no template first, the built-ins, then "My templates". */
  function renderTemplates() {
    const chosen = templateSelect.value;
    const option = (template, own) => h('option', {
      value: template.id, text: template.name, title: template.sections.join(' · ') || null, 'data-own': own ? 'true' : null,
    });
    const choices = [noTemplate, ...templates.builtIn.map((template) => option(template, false))];
    if (templates.own.length > 0) {
      choices.push(h('optgroup', { label: t('start.myTemplates'), 'data-testid': 'own-templates' },
        templates.own.map((template) => option(template, true))));
    }
    templateSelect.replaceChildren(...choices);
    templateSelect.value = [...templateSelect.options].some((o) => o.value === chosen) ? chosen : '';
    renderOwnActions();
  }

  const chosenOwn = () => templates.own.find((template) => template.id === templateSelect.value) ?? null;

  /** "Delete template" while an own template is chosen. */
  function renderOwnActions() {
    const own = chosenOwn();
    ownActions.hidden = !own;
    setText(deleteButton, own ? t('start.deleteTemplate', { name: own.name }) : '');
  }

  function announceTemplate(text, error = false) {
    templateStatus.classList.toggle('is-error', error);
    setText(templateStatus, text);
  }

  async function loadTemplates() {
    try {
      templates.builtIn = await fetchTemplates(language());
    } catch {
      // Without the list, boards start empty or from own templates: still a working start page.
    }
    renderTemplates();
  }

  /** Own templates the server no longer has are dropped from this browser's list. */
  async function loadOwnTemplates() {
    templates.own = await checkOwnTemplates(ownTemplates, fetchOwnTemplate);
    renderTemplates();
  }

  templateSelect.addEventListener('change', () => {
    announceTemplate('');
    renderOwnActions();
  });
  deleteButton.addEventListener('click', async () => {
    const own = chosenOwn();
    if (!own || !(await confirm(t('start.deleteTemplateConfirm', { name: own.name }), t('start.deleteTemplateOk')))) return;
    try {
      await deleteOwnTemplate(own.id, own.ownerKey);
    } catch (failure) {
      const code = failure instanceof ApiError ? failure.code : 'network';
      // not_found: gone already, so it leaves the list all the same.
      if (code !== ErrorCodes.notFound) {
        announceTemplate(t(errorMessageKey(code), { code }), true);
        return;
      }
    }
    ownTemplates.remove(own.id);
    templates.own = templates.own.filter((template) => template.id !== own.id);
    templateSelect.value = '';
    renderTemplates();
    announceTemplate(t('start.templateDeleted', { name: own.name }));
    templateSelect.focus();
  });

  for (const button of langButtons) button.addEventListener('click', () => setLanguage(button.dataset.lang));
  onLanguageChange(() => {
    render();
    loadTemplates();
  });
  loadTemplates();
  loadOwnTemplates();
  loadSignIn();

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
      const created = await createBoardInOwnZone(value.slice(0, NAME_MAX), templateSelect.value || null, language());
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
      // Refused for want of a sign-in: whoever the page showed as signed in is not any more.
      if (code === ErrorCodes.signInRequired) signIn = { ...signIn, available: true, user: null };
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

/**
 * A new board whose exports show times in this browser's time zone. A zone the server's time zone
 * database does not know (a newer one, or Chromium's 'Etc/Unknown') must not stop anyone making a
 * board: it is made again without one, and the server's configured zone applies.
 */
async function createBoardInOwnZone(title, template, lang) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    return await createBoard(title, template, lang, zone);
  } catch (failure) {
    if (!zone || !(failure instanceof ApiError) || failure.code !== ErrorCodes.invalidInput) throw failure;
    return createBoard(title, template, lang);
  }
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
