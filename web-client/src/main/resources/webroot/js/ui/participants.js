// The participants panel: who is here, who is online, raised hands and "ready", my own
// hand and ready toggles, and the form to change one's own name and organisation.
import { h, safeColor, setAttr, setText } from './dom.js';
import { NAME_MAX } from '../state/limits.js';

export function mountParticipants(root, { onUpdateSelf }) {
  const heading = h('h2', { className: 'panel__heading', id: 'participants-heading' });
  const count = h('p', { className: 'panel__count' });
  const signalCount = h('p', { className: 'panel__count' });
  const handToggle = h('button', { type: 'button', className: 'button button--secondary button--small signal-toggle', 'data-testid': 'hand-toggle', 'aria-pressed': 'false' });
  const readyToggle = h('button', { type: 'button', className: 'button button--secondary button--small signal-toggle', 'data-testid': 'ready-toggle', 'aria-pressed': 'false' });
  const signals = h('div', { className: 'self-signals', role: 'group' }, [handToggle, readyToggle]);
  const list = h('ul', { className: 'participant-list', 'aria-labelledby': 'participants-heading' });
  const editButton = h('button', { type: 'button', className: 'button button--secondary button--small', 'aria-expanded': 'false', 'aria-controls': 'self-edit-form' });

  const nameLabel = h('label', { for: 'self-name' });
  const nameInput = h('input', { id: 'self-name', type: 'text', maxlength: String(NAME_MAX), required: true, autocomplete: 'name' });
  const orgLabel = h('label', { for: 'self-organisation' });
  const orgInput = h('input', { id: 'self-organisation', type: 'text', maxlength: String(NAME_MAX), autocomplete: 'organization' });
  const formError = h('p', { className: 'form-error', id: 'self-edit-error', role: 'alert', hidden: true });
  const saveButton = h('button', { type: 'submit', className: 'button button--small' });
  const cancelButton = h('button', { type: 'button', className: 'button button--secondary button--small' });
  const form = h('form', { id: 'self-edit-form', className: 'self-edit', hidden: true, novalidate: true }, [
    h('div', { className: 'field' }, [nameLabel, nameInput]),
    h('div', { className: 'field' }, [orgLabel, orgInput]),
    formError,
    h('div', { className: 'form-actions' }, [saveButton, cancelButton]),
  ]);
  root.append(heading, count, signalCount, signals, editButton, form, list);
  handToggle.addEventListener('click', () => onUpdateSelf({ hand: !currentSelf?.hand }));
  readyToggle.addEventListener('click', () => onUpdateSelf({ ready: !currentSelf?.ready }));

  const items = new Map();
  let lastT = null;

  function setEditing(open, self) {
    form.hidden = !open;
    editButton.setAttribute('aria-expanded', String(open));
    formError.hidden = true;
    nameInput.removeAttribute('aria-invalid');
    if (open) {
      nameInput.value = self?.name ?? '';
      orgInput.value = self?.organisation ?? '';
      nameInput.focus();
    }
  }

  let currentSelf = null;
  editButton.addEventListener('click', () => setEditing(form.hidden, currentSelf));
  cancelButton.addEventListener('click', () => { setEditing(false); editButton.focus(); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    const organisation = orgInput.value.trim();
    if (!name) {
      formError.textContent = lastT('join.nameRequired');
      formError.hidden = false;
      nameInput.setAttribute('aria-invalid', 'true');
      nameInput.setAttribute('aria-describedby', 'self-edit-error');
      nameInput.focus();
      return;
    }
    const patch = {};
    if (name !== currentSelf?.name) patch.name = name;
    if (organisation !== (currentSelf?.organisation ?? '')) patch.organisation = organisation;
    if (Object.keys(patch).length > 0) onUpdateSelf(patch);
    setEditing(false);
    editButton.focus();
  });

  function renderItem(item, participant, { selfId, online, t }) {
    const isSelf = participant.id === selfId;
    setAttr(item.el, 'data-online', String(online));
    item.dot.style.backgroundColor = safeColor(participant.color);
    setText(item.name, participant.name);
    setText(item.you, isSelf ? t('participants.you') : '');
    setText(item.org, participant.organisation ?? '');
    item.org.hidden = !participant.organisation;
    setText(item.role, participant.role === 'facilitator' ? t('participants.facilitator') : participant.role === 'observer' ? t('participants.observer') : '');
    item.role.hidden = !item.role.textContent;
    setText(item.status, online ? t('participants.online') : t('participants.offline'));
    item.el.classList.toggle('is-offline', !online);
    const hand = participant.hand === true;
    const ready = participant.ready === true;
    setAttr(item.el, 'data-hand', String(hand));
    setAttr(item.el, 'data-ready', String(ready));
    item.hand.hidden = !hand;
    setText(item.handText, t('participants.handRaised'));
    setAttr(item.hand, 'title', t('participants.handRaised'));
    setAttr(item.ready, 'title', t('participants.isReady'));
    item.ready.hidden = !ready;
    setText(item.readyText, t('participants.isReady'));
  }

  function createItem(id) {
    const dot = h('span', { className: 'participant__dot', 'aria-hidden': 'true' });
    const name = h('span', { className: 'participant__name' });
    const you = h('span', { className: 'participant__you' });
    const role = h('span', { className: 'participant__role' });
    const org = h('span', { className: 'participant__org' });
    const status = h('span', { className: 'participant__status' });
    // Icons for the eye, words for screen readers (and on hover).
    const handText = h('span', { className: 'visually-hidden' });
    const hand = h('span', { className: 'participant__signal participant__signal--hand', 'data-testid': 'participant-hand' }, [h('span', { className: 'participant__signal-icon', 'aria-hidden': 'true' }, 'H'), handText]);
    const readyText = h('span', { className: 'visually-hidden' });
    const ready = h('span', { className: 'participant__signal participant__signal--ready', 'data-testid': 'participant-ready' }, [h('span', { className: 'participant__signal-icon', 'aria-hidden': 'true' }, '✓'), readyText]);
    const el = h('li', { className: 'participant', 'data-testid': 'participant', 'data-participant-id': id }, [
      dot,
      h('span', { className: 'participant__main' }, [h('span', { className: 'participant__line' }, [name, you, role]), org]),
      h('span', { className: 'participant__signals' }, [hand, ready]),
      status,
    ]);
    return { el, dot, name, you, role, org, status, hand, handText, ready, readyText };
  }

  return {
    /** canSignal: may raise a hand / say ready; canEditSelf: may change name (observers: neither) */
    update({ participants, online, selfId, t, canSignal = true, canEditSelf = true }) {
      lastT = t;
      currentSelf = participants.get(selfId) ?? null;
      setText(heading, t('participants.heading'));
      setText(count, t('participants.count', { online: [...participants.keys()].filter((id) => online.has(id)).length, total: participants.size }));
      const people = [...participants.values()];
      setText(signalCount, `${t('participants.hands', { count: people.filter((p) => p.hand === true).length })} · ${t('participants.readyCount', { count: people.filter((p) => p.ready === true).length })}`);
      signals.hidden = !currentSelf || !canSignal;
      setAttr(signals, 'aria-label', t('participants.selfActions'));
      setText(handToggle, t('participants.raiseHand'));
      setAttr(handToggle, 'aria-pressed', String(currentSelf?.hand === true));
      setText(readyToggle, `✓ ${t('participants.ready')}`);
      setAttr(readyToggle, 'aria-pressed', String(currentSelf?.ready === true));
      setText(editButton, t('participants.editSelf'));
      editButton.hidden = !currentSelf || !canEditSelf;
      if (!canEditSelf && !form.hidden) setEditing(false);
      setText(nameLabel, t('join.name'));
      setText(orgLabel, t('join.organisation'));
      setText(saveButton, t('common.save'));
      setText(cancelButton, t('common.cancel'));

      // Self first, then online people, then by name: the facilitator scans who is here.
      const ordered = [...participants.values()].sort((a, b) => {
        if (a.id === selfId) return -1;
        if (b.id === selfId) return 1;
        const onlineDiff = Number(online.has(b.id)) - Number(online.has(a.id));
        return onlineDiff !== 0 ? onlineDiff : String(a.name).localeCompare(String(b.name));
      });
      const seen = new Set();
      let ref = list.firstChild;
      for (const participant of ordered) {
        let item = items.get(participant.id);
        if (!item) {
          item = createItem(participant.id);
          items.set(participant.id, item);
        }
        renderItem(item, participant, { selfId, online: online.has(participant.id), t });
        seen.add(participant.id);
        if (item.el !== ref) list.insertBefore(item.el, ref);
        else ref = ref.nextSibling;
      }
      for (const [id, item] of items) {
        if (!seen.has(id)) { item.el.remove(); items.delete(id); }
      }
    },
  };
}
