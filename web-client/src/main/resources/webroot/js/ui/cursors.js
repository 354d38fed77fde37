// Other participants' pointers: a small arrow and their name, in their colour.
import { h, readableTextOn, safeColor, setAttr, setText } from './dom.js';

export function mountCursors(layer) {
  const cursors = new Map();

  function create(id) {
    const arrow = h('span', { className: 'cursor__arrow' });
    const label = h('span', { className: 'cursor__label' });
    const el = h('div', { className: 'cursor', 'data-testid': 'cursor', 'data-participant-id': id, 'aria-hidden': 'true' }, [arrow, label]);
    layer.append(el);
    return { el, arrow, label };
  }

  return {
    update({ presenceCursors, participants, zoom }) {
      for (const [id, position] of presenceCursors) {
        const participant = participants.get(id);
        if (!participant) continue;
        let cursor = cursors.get(id);
        if (!cursor) {
          cursor = create(id);
          cursors.set(id, cursor);
        }
        // Counter-scale so a cursor keeps its size whatever the zoom.
        cursor.el.style.transform = `translate(${position.x}px, ${position.y}px) scale(${1 / zoom})`;
        const color = safeColor(participant.color);
        cursor.arrow.style.backgroundColor = color;
        cursor.label.style.backgroundColor = color;
        cursor.label.style.color = readableTextOn(color);
        setText(cursor.label, participant.name);
        setAttr(cursor.el, 'data-name', participant.name);
      }
      for (const [id, cursor] of cursors) {
        if (!presenceCursors.has(id) || !participants.has(id)) {
          cursor.el.remove();
          cursors.delete(id);
        }
      }
    },
  };
}
