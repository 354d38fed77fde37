// The board page's room picker: while the facilitator lets participants choose, the
// breakout rooms with how many are in each, and mine marked.
import { h, setAttr, setText } from './dom.js';

/** actions: choose(roomId) */
export function mountRoomPicker(root, actions) {
  const heading = h('h2', { className: 'panel__heading', id: 'room-picker-heading' });
  const hint = h('p', { className: 'hint' });
  const list = h('ul', { className: 'room-picker__list' });
  const box = h('section', { className: 'room-picker', 'data-testid': 'room-picker', 'aria-labelledby': 'room-picker-heading', hidden: true }, [heading, hint, list]);
  root.append(box);
  const items = new Map();

  function item(id) {
    const count = h('span', { className: 'room-picker__count' });
    const nameEl = h('span', { className: 'room-picker__name' });
    const button = h('button', { type: 'button', className: 'button button--secondary button--small room-picker__choice', 'data-testid': 'room-choice', 'data-room': id, 'aria-pressed': 'false' }, [nameEl, ' ', count]);
    button.addEventListener('click', () => actions.choose(id));
    return { el: h('li', {}, [button]), button, nameEl, count };
  }

  return {
    /** {t, visible, rooms: [{id, name}], counts: Map room -> n, mine: room id or null} */
    update({ t, visible, rooms, counts, mine }) {
      box.hidden = !visible;
      if (!visible) return;
      setText(heading, t('rooms.pickHeading'));
      setText(hint, mine ? t('rooms.pickChosen', { room: rooms.find((r) => r.id === mine)?.name ?? mine }) : t('rooms.pickHint'));
      const seen = new Set();
      let ref = list.firstChild;
      for (const room of rooms) {
        let entry = items.get(room.id);
        if (!entry) {
          entry = item(room.id);
          items.set(room.id, entry);
        }
        const n = counts.get(room.id) ?? 0;
        setText(entry.nameEl, room.name || room.id);
        setText(entry.count, `(${t('rooms.peopleCount', { count: n })})`);
        setAttr(entry.button, 'data-count', String(n));
        setAttr(entry.button, 'aria-pressed', String(mine === room.id));
        entry.button.classList.toggle('is-chosen', mine === room.id);
        seen.add(room.id);
        if (entry.el !== ref) list.insertBefore(entry.el, ref);
        else ref = ref.nextSibling;
      }
      for (const [id, entry] of items) if (!seen.has(id)) { entry.el.remove(); items.delete(id); }
    },
  };
}
