// The board page's room in the top bar: which room one is in (the plenary or a breakout
// room) and, for facilitators while breakout rooms exist, a choice of the room to look at.
import { h, setAttr, setText } from './dom.js';
import { PLENARY_ROOM } from '../state/limits.js';

/** actions: enterRoom(roomId) (facilitators) */
export function mountRoomBar(root, actions) {
  const label = h('span', { className: 'room-bar__label' });
  const name = h('strong', { className: 'room-bar__name', 'data-testid': 'current-room' });
  const current = h('span', { className: 'room-bar__current' }, [label, ' ', name]);
  const selectLabel = h('label', { for: 'room-select', className: 'visually-hidden' });
  const select = h('select', { id: 'room-select', className: 'room-bar__select', 'data-testid': 'room-select', hidden: true });
  const box = h('div', { className: 'room-bar', hidden: true }, [current, selectLabel, select]);
  root.append(box);
  select.addEventListener('change', () => actions.enterRoom(select.value));

  return {
    /** {t, room, roomName, rooms: [{id, name}] (breakout rooms), canChoose, plenaryName} */
    update({ t, room, roomName, rooms, canChoose, plenaryName }) {
      // Shown once there are breakout rooms, or when one is not in the plenary.
      box.hidden = rooms.length === 0 && room === PLENARY_ROOM;
      setText(label, `${t('rooms.youAreIn')}:`);
      setText(name, roomName);
      setAttr(name, 'data-room', room);
      box.classList.toggle('is-breakout', room !== PLENARY_ROOM);
      const choose = canChoose && rooms.length > 0;
      select.hidden = !choose;
      current.hidden = choose;
      setText(selectLabel, t('rooms.lookAt'));
      if (choose) {
        const options = [[PLENARY_ROOM, plenaryName], ...rooms.map((r) => [r.id, r.name || r.id])];
        const key = JSON.stringify(options);
        if (select.dataset.key !== key) {
          select.dataset.key = key;
          select.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
        }
        if (select.value !== room) select.value = room;
        setAttr(select, 'aria-label', `${t('rooms.lookAt')}: ${roomName}`);
      }
    },
  };
}
