// The join form: display name (required) and organisation (optional).
import { setAttr, setText } from './dom.js';
import { NAME_MAX } from '../state/limits.js';

export function mountJoinForm(form, { onSubmit }) {
  const name = form.querySelector('[data-testid="join-name"]');
  const organisation = form.querySelector('[data-testid="join-organisation"]');
  const submit = form.querySelector('[data-testid="join-submit"]');
  const role = form.querySelector('[data-part="join-role"]');
  const error = form.querySelector('[data-part="join-error"]');
  let state = { busy: false, errorKey: null, errorParams: {}, invalidName: false };
  for (const input of [name, organisation]) input.setAttribute('maxlength', String(NAME_MAX));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.busy) return;
    onSubmit({ name: name.value.trim(), organisation: organisation.value.trim() });
  });

  return {
    update({ t, credentialKind, busy, errorKey, errorParams = {}, invalidName = false }) {
      state = { busy, errorKey, errorParams, invalidName };
      setText(role, credentialKind === 'f' ? t('join.asFacilitator') : credentialKind === 'o' ? t('join.asObserver') : t('join.asParticipant'));
      submit.disabled = busy;
      setText(submit, busy ? t('join.submitting') : t('join.submit'));
      setAttr(form, 'aria-busy', busy ? 'true' : null);
      error.hidden = !errorKey;
      setText(error, errorKey ? t(errorKey, errorParams) : '');
      setAttr(name, 'aria-invalid', invalidName ? 'true' : null);
    },
    focusName() {
      name.focus();
    },
  };
}
