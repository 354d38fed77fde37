// The join form: display name (required) and organisation (optional), and what joining means for
// one's data: what is stored, who sees it, how long it is kept, the privacy statement. Joining is
// agreeing to it; nothing about the person is stored before the form is sent.
import { setAttr, setText } from './dom.js';
import { NAME_MAX } from '../state/limits.js';

export function mountJoinForm(form, { onSubmit }) {
  const name = form.querySelector('[data-testid="join-name"]');
  const organisation = form.querySelector('[data-testid="join-organisation"]');
  const passphrase = form.querySelector('[data-testid="join-passphrase"]');
  const passphraseField = form.querySelector('[data-part="join-passphrase-field"]');
  const submit = form.querySelector('[data-testid="join-submit"]');
  const role = form.querySelector('[data-part="join-role"]');
  const error = form.querySelector('[data-part="join-error"]');
  const stored = form.querySelector('[data-part="notice-stored"]');
  const visible = form.querySelector('[data-part="notice-visible"]');
  const retention = form.querySelector('[data-part="notice-retention"]');
  const link = form.querySelector('[data-part="notice-link"]');
  let state = { busy: false, errorKey: null, errorParams: {}, invalidName: false };
  for (const input of [name, organisation]) input.setAttribute('maxlength', String(NAME_MAX));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (state.busy) return;
    onSubmit({
      name: name.value.trim(),
      organisation: organisation.value.trim(),
      passphrase: passphraseField.hidden ? null : passphrase.value,
    });
  });

  return {
    /** privacy: what GET /api/privacy says, or null when it could not be read (joining waits for it) */
    /** askPassphrase: the board asked for a passphrase (the server said passphrase_required) */
    update({ t, credentialKind, busy, errorKey, errorParams = {}, invalidName = false, privacy, askPassphrase = false }) {
      state = { busy: busy || !privacy, errorKey, errorParams, invalidName };
      setText(role, credentialKind === 'f' ? t('join.asFacilitator') : credentialKind === 'o' ? t('join.asObserver') : t('join.asParticipant'));
      // Observers write and vote nothing: only their name and organisation are stored.
      setText(stored, t(credentialKind === 'o' ? 'join.notice.storedObserver' : 'join.notice.stored'));
      setText(visible, t('join.notice.visible'));
      setText(retention, privacy ? t('join.notice.retention', { days: privacy.retentionDays }) : t('join.notice.unavailable'));
      link.hidden = !privacy;
      setAttr(link, 'href', privacy?.privacyUrl ?? null);
      setText(link, t('join.notice.link'));
      submit.disabled = state.busy;
      setText(submit, busy ? t('join.submitting') : t('join.submit'));
      setAttr(form, 'aria-busy', busy ? 'true' : null);
      error.hidden = !errorKey;
      setText(error, errorKey ? t(errorKey, errorParams) : '');
      setAttr(name, 'aria-invalid', invalidName ? 'true' : null);
      const wasHidden = passphraseField.hidden;
      passphraseField.hidden = !askPassphrase;
      setAttr(passphrase, 'aria-invalid', askPassphrase && errorKey ? 'true' : null);
      if (wasHidden && askPassphrase) passphrase.focus();
    },
    focusName() {
      name.focus();
    },
  };
}
