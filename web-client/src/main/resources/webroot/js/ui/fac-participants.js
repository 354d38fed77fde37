// Control view: everyone on the board with online state, raised hand, ready, role and
// breakout room (a room choice per participant moves them); counts; removing someone
// (after a confirmation). On a phone each row is a card whose cells carry their column's name.
import { h, setAttr, setText } from './dom.js';

/** The columns whose cells name their column when the rows are cards (the name and actions speak for themselves). */
const LABELLED_COLUMNS = ['organisation', 'status', 'hand', 'ready', 'role', 'room'];

/** actions: remove(participant), erase(participant), admit(participant), move(participant, roomId|null) */
export function mountFacParticipants(root, actions) {
  const heading = h('h2', { id: 'fac-participants-heading' });
  const summary = h('p', { className: 'fac-summary', 'data-testid': 'fac-participant-summary', 'aria-live': 'polite' });
  const headRow = h('tr');
  const body = h('tbody');
  const table = h('table', { className: 'fac-table fac-table--people' }, [h('thead', {}, [headRow]), body]);
  const empty = h('p', { className: 'hint' });
  root.append(heading, summary, h('div', { className: 'fac-table-wrap' }, [table]), empty);
  const rows = new Map();
  let lastHeadKey = null;

  function createRow(id) {
    const cells = {
      name: h('td'), organisation: h('td'), status: h('td'), hand: h('td'), ready: h('td'), role: h('td'), room: h('td'), actions: h('td'),
    };
    const move = h('select', { className: 'fac-move', 'data-testid': 'fac-move', 'data-participant-id': id, hidden: true });
    move.addEventListener('change', () => actions.move?.(rows.get(id)?.participant, move.value || null));
    cells.room.append(move);
    const remove = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'fac-remove', 'data-participant-id': id });
    remove.addEventListener('click', () => actions.remove(rows.get(id)?.participant));
    const erase = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'fac-erase', 'data-participant-id': id });
    erase.addEventListener('click', () => actions.erase(rows.get(id)?.participant));
    const admit = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-admit', 'data-participant-id': id, hidden: true });
    admit.addEventListener('click', () => actions.admit(rows.get(id)?.participant));
    cells.actions.append(admit, ' ', remove, ' ', erase);
    const el = h('tr', { 'data-testid': 'fac-participant', 'data-participant-id': id }, Object.values(cells));
    return { el, cells, remove, erase, admit, move, participant: null };
  }

  function badge(cell, text, kind) {
    const key = `${kind}|${text}`;
    if (cell.dataset.key === key) return;
    cell.dataset.key = key;
    cell.replaceChildren(text ? h('span', { className: `fac-badge fac-badge--${kind}`, text }) : h('span', { className: 'muted', text: '–' }));
  }

  return {
    update({ t, participants, online, selfId, rooms = [] }) {
      setText(heading, t('fac.participants.heading'));
      const people = [...participants.values()];
      setText(summary, t('fac.participants.summary', {
        online: people.filter((p) => online.has(p.id)).length,
        total: people.length,
        hands: people.filter((p) => p.hand === true).length,
        ready: people.filter((p) => p.ready === true).length,
      }));
      const headKey = t('fac.participants.hand') + t('fac.participants.actions') + t('fac.participants.room');
      const roomOptions = [['', t('fac.participants.noRoom')], ...rooms.map((r) => [r.id, r.name || r.id])];
      const roomKey = JSON.stringify(roomOptions);
      if (headKey !== lastHeadKey) {
        lastHeadKey = headKey;
        headRow.replaceChildren(...['name', 'organisation', 'status', 'hand', 'ready', 'role', 'room', 'actions']
          .map((k) => h('th', { scope: 'col', text: t(`fac.participants.${k}`) })));
      }
      empty.hidden = people.length > 0;
      setText(empty, t('fac.participants.empty'));
      // The waiting room first, then raised hands (both wait for the facilitator), then online, then by name.
      people.sort((a, b) => Number(b.waiting === true) - Number(a.waiting === true)
        || Number(b.hand === true) - Number(a.hand === true)
        || Number(online.has(b.id)) - Number(online.has(a.id))
        || String(a.name).localeCompare(String(b.name)));
      const seen = new Set();
      let ref = body.firstChild;
      for (const p of people) {
        let row = rows.get(p.id);
        if (!row) {
          row = createRow(p.id);
          rows.set(p.id, row);
        }
        row.participant = p;
        const isOnline = online.has(p.id);
        setAttr(row.el, 'data-online', String(isOnline));
        setAttr(row.el, 'data-hand', String(p.hand === true));
        setAttr(row.el, 'data-ready', String(p.ready === true));
        const waiting = p.waiting === true;
        setAttr(row.el, 'data-waiting', String(waiting));
        row.admit.hidden = !waiting;
        setText(row.admit, t('fac.participants.admit'));
        setAttr(row.admit, 'aria-label', t('fac.participants.admitLabel', { name: p.name }));
        setText(row.cells.name, p.id === selfId ? `${p.name} ${t('fac.participants.you')}` : p.name);
        setText(row.cells.organisation, p.organisation ?? '');
        if (waiting) badge(row.cells.status, t('fac.participants.waiting'), 'hand');
        else badge(row.cells.status, isOnline ? t('fac.participants.online') : t('fac.participants.offline'), isOnline ? 'on' : 'off');
        badge(row.cells.hand, p.hand === true ? t('fac.participants.handUp') : '', 'hand');
        badge(row.cells.ready, p.ready === true ? `✓ ${t('fac.participants.readyYes')}` : '', 'on');
        setText(row.cells.role, t(`fac.participants.roles.${p.role ?? 'participant'}`));
        for (const column of LABELLED_COLUMNS) setAttr(row.cells[column], 'data-label', t(`fac.participants.${column}`));
        // Only participants go to rooms (facilitators enter any, observers stay in the plenary).
        const movable = (p.role ?? 'participant') === 'participant' && rooms.length > 0;
        row.move.hidden = !movable;
        if (movable) {
          if (row.move.dataset.key !== roomKey && document.activeElement !== row.move) {
            row.move.dataset.key = roomKey;
            row.move.replaceChildren(...roomOptions.map(([value, text]) => h('option', { value, text })));
          }
          const assigned = p.room && rooms.some((r) => r.id === p.room) ? p.room : '';
          if (row.move.value !== assigned && document.activeElement !== row.move) row.move.value = assigned;
          setAttr(row.move, 'aria-label', t('fac.participants.moveLabel', { name: p.name }));
        }
        row.remove.hidden = p.id === selfId;
        setText(row.remove, t(waiting ? 'fac.participants.turnAway' : 'fac.participants.remove'));
        setAttr(row.remove, 'aria-label', t(waiting ? 'fac.participants.turnAwayLabel' : 'fac.participants.removeLabel', { name: p.name }));
        row.erase.hidden = waiting;
        setText(row.erase, t('fac.participants.erase'));
        // The accessible name starts with the visible text (WCAG 2.5.3), then says whose.
        setAttr(row.erase, 'aria-label', t('fac.participants.eraseLabel', { name: p.name }));
        seen.add(p.id);
        if (row.el !== ref) body.insertBefore(row.el, ref);
        else ref = ref.nextSibling;
      }
      for (const [id, row] of rows) if (!seen.has(id)) { row.el.remove(); rows.delete(id); }
    },
  };
}
