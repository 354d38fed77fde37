// Control view: data protection. How long the board is kept after its last activity (the
// facilitators may choose up to the instance's cap), and deleting the board for good.
import { h, setAttr, setText } from './dom.js';
import { deletionTime, formatDate, retentionDays } from '../state/retention.js';

/** actions: keep(days | null), protect(passphrase | null), waitingRoom(on), remove() */
export function mountFacPrivacy(root, actions) {
  const heading = h('h2', { id: 'fac-privacy-heading' });
  const info = h('p', { className: 'fac-status', 'data-testid': 'fac-retention-info' });
  const daysLabel = h('label', { for: 'fac-retention-days' });
  const days = h('input', { id: 'fac-retention-days', type: 'number', min: '1', step: '1', inputmode: 'numeric', 'data-testid': 'fac-retention-days', className: 'fac-number' });
  const save = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-retention-save' });
  const reset = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-retention-reset' });
  const invalid = h('p', { className: 'form-error', id: 'fac-retention-error', role: 'alert', hidden: true });
  setAttr(days, 'aria-describedby', 'fac-retention-error');

  const protectHeading = h('h3');
  const protectState = h('p', { className: 'fac-status', 'data-testid': 'fac-passphrase-state' });
  const passphraseLabel = h('label', { for: 'fac-passphrase' });
  const passphrase = h('input', { id: 'fac-passphrase', type: 'text', autocomplete: 'off', maxlength: '128', 'data-testid': 'fac-passphrase', 'aria-describedby': 'fac-passphrase-hint' });
  const passphraseHint = h('p', { className: 'hint', id: 'fac-passphrase-hint' });
  const protect = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-passphrase-set' });
  const unprotect = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-passphrase-remove' });

  const waitingRoom = h('button', { type: 'button', className: 'button button--secondary button--small', 'aria-pressed': 'false', 'data-testid': 'fac-waiting-room', 'aria-describedby': 'fac-waiting-hint' });
  const waitingHint = h('p', { className: 'hint', id: 'fac-waiting-hint' });

  const deleteHeading = h('h3');
  const deleteHint = h('p', { className: 'hint', id: 'fac-delete-hint' });
  const remove = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'fac-delete-board', 'aria-describedby': 'fac-delete-hint' });

  root.append(heading, info, daysLabel, h('div', { className: 'fac-row' }, [days, save, reset]), invalid,
    protectHeading, protectState, passphraseLabel, h('div', { className: 'fac-row' }, [passphrase, protect, unprotect]),
    passphraseHint, h('div', { className: 'fac-row' }, [waitingRoom]), waitingHint, deleteHeading, deleteHint, h('div', { className: 'fac-row' }, [remove]));

  let model = null;
  function submit() {
    const max = model?.retention?.maxDays ?? 1;
    const value = Number(days.value);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      setText(invalid, model.t('fac.privacy.daysInvalid', { max }));
      invalid.hidden = false;
      setAttr(days, 'aria-invalid', 'true');
      days.focus();
      return;
    }
    invalid.hidden = true;
    setAttr(days, 'aria-invalid', null);
    actions.keep(value);
  }
  save.addEventListener('click', submit);
  days.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') submit();
  });
  reset.addEventListener('click', () => actions.keep(null));
  protect.addEventListener('click', async () => {
    const value = passphrase.value.trim();
    if (value.length < 4) {
      passphrase.focus();
      return;
    }
    if (await actions.protect(value)) passphrase.value = '';
  });
  unprotect.addEventListener('click', () => actions.protect(null));
  waitingRoom.addEventListener('click', () => actions.waitingRoom(model?.settings?.waitingRoom !== true));
  remove.addEventListener('click', () => actions.remove());

  return {
    update(next) {
      model = next;
      const { t, lang, settings, retention, now } = next;
      setText(heading, t('fac.privacy.heading'));
      const kept = retentionDays(settings, retention);
      info.hidden = kept === null;
      if (kept !== null) {
        setText(info, t('fac.privacy.retentionInfo', { date: formatDate(deletionTime(now, kept), lang), days: kept }));
        setText(daysLabel, t('fac.privacy.daysLabel', { max: retention.maxDays }));
        setAttr(days, 'max', String(retention.maxDays));
        if (document.activeElement !== days) days.value = String(kept);
        setText(reset, t('fac.privacy.reset', { days: Math.min(retention.defaultDays, retention.maxDays) }));
        reset.disabled = !Number.isInteger(settings?.retentionDays);
      }
      days.disabled = kept === null;
      save.disabled = kept === null;
      setText(save, t('fac.privacy.save'));
      setText(protectHeading, t('fac.privacy.passphraseHeading'));
      const asked = settings?.passphrase === true;
      setText(protectState, t(asked ? 'fac.privacy.passphraseOn' : 'fac.privacy.passphraseOff'));
      setText(passphraseLabel, t(asked ? 'fac.privacy.passphraseNew' : 'fac.privacy.passphraseLabel'));
      setText(passphraseHint, t('fac.privacy.passphraseHint'));
      setText(protect, t('fac.privacy.passphraseSet'));
      setText(unprotect, t('fac.privacy.passphraseRemove'));
      unprotect.disabled = !asked;
      setText(waitingRoom, t('fac.privacy.waitingRoom'));
      setAttr(waitingRoom, 'aria-pressed', String(settings?.waitingRoom === true));
      setText(waitingHint, t(settings?.waitingRoom === true ? 'fac.privacy.waitingRoomOn' : 'fac.privacy.waitingRoomOff'));
      setText(deleteHeading, t('fac.privacy.deleteHeading'));
      setText(deleteHint, t('fac.privacy.deleteHint'));
      setText(remove, t('fac.privacy.delete'));
    },
  };
}
