// Control view: breakout rooms (create, optionally from a plenary section; assign; open and
// close; an overview card per room with who is in it, live activity, a mini-map, entering
// and harvesting) and private writing (on/off, reveal per room).
import { h, setAttr, setText } from './dom.js';
import { Limits } from '../protocol.js';
import { NAME_MAX, PLENARY_ROOM, noteColor } from '../state/limits.js';
import { activityLevel, thumbnailShapes } from '../state/room-overview.js';
import { defaultRoomNames } from '../state/rooms.js';
import { readingOrder } from '../state/board-state.js';

const SVG = 'http://www.w3.org/2000/svg';
const THUMB = { w: 160, h: 100 };
const ASSIGN_MODES = ['random', 'balanced', 'choice', 'manual'];

/**
 * actions: create({names, templateSection}), assign(mode), open(), close(), harvest(room),
 * reveal(roomId), setPrivate(on), enterHref(roomId)
 */
export function mountFacRooms(root, actions) {
  const heading = h('h2', { id: 'fac-rooms-heading' });
  const status = h('p', { className: 'fac-status', 'aria-live': 'polite', 'data-testid': 'fac-rooms-status' });

  // ---- create ----
  const createHeading = h('h3');
  const countLabel = h('label', { for: 'fac-rooms-count' });
  const count = h('input', { id: 'fac-rooms-count', type: 'number', min: '1', max: String(Limits.roomsMax), value: '3', inputmode: 'numeric', className: 'fac-input--narrow', 'data-testid': 'fac-rooms-count' });
  const namesLegend = h('legend');
  const names = h('div', { className: 'fac-room-names', 'data-testid': 'fac-rooms-names' });
  const namesBox = h('fieldset', {}, [namesLegend, names]);
  const templateLabel = h('label', { for: 'fac-rooms-template' });
  const template = h('select', { id: 'fac-rooms-template', 'data-testid': 'fac-rooms-template', 'aria-describedby': 'fac-rooms-template-hint' });
  const templateHint = h('p', { className: 'hint', id: 'fac-rooms-template-hint' });
  const create = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-rooms-create' });

  // ---- assign, open, close ----
  const assignHeading = h('h3');
  const modeLabel = h('label', { for: 'fac-assign-mode' });
  const mode = h('select', { id: 'fac-assign-mode', 'data-testid': 'fac-assign-mode', 'aria-describedby': 'fac-assign-hint' });
  const assign = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-assign' });
  const assignHint = h('p', { className: 'hint', id: 'fac-assign-hint' });
  const open = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-rooms-open' });
  const close = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-rooms-close' });

  // ---- private writing ----
  const privateHeading = h('h3');
  const privateToggle = h('button', { type: 'button', className: 'button button--secondary button--small signal-toggle', 'data-testid': 'fac-private', 'aria-pressed': 'false', 'aria-describedby': 'fac-private-hint' });
  const privateHint = h('p', { className: 'hint', id: 'fac-private-hint' });
  const revealPlenary = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-reveal', 'data-room': PLENARY_ROOM });

  // ---- overview ----
  const overviewHeading = h('h3');
  const cardsEmpty = h('p', { className: 'hint' });
  const cards = h('ul', { className: 'fac-room-cards' });

  root.append(
    heading, status,
    createHeading,
    h('div', { className: 'fac-row' }, [countLabel, count]),
    namesBox,
    h('div', { className: 'fac-row' }, [templateLabel, template]), templateHint,
    h('div', { className: 'fac-row' }, [create]),
    assignHeading,
    h('div', { className: 'fac-row' }, [modeLabel, mode, assign]), assignHint,
    h('div', { className: 'fac-row' }, [open, close]),
    privateHeading,
    h('div', { className: 'fac-row' }, [privateToggle, revealPlenary]), privateHint,
    overviewHeading, cardsEmpty, cards,
  );

  let model = null;
  /** Name inputs: {input, label, edited} */
  const nameInputs = [];
  const cardRecords = new Map();

  function roomCount() {
    const n = Math.round(Number(count.value));
    return Number.isFinite(n) ? Math.min(Limits.roomsMax, Math.max(1, n)) : 1;
  }

  function syncNameInputs() {
    if (!model) return;
    const { t } = model;
    const wanted = roomCount();
    const defaults = defaultRoomNames(wanted, t('fac.rooms.defaultName'), model.rooms.length);
    while (nameInputs.length < wanted) {
      const i = nameInputs.length;
      const id = `fac-room-name-${i}`;
      const label = h('label', { for: id, className: 'fac-room-names__label' });
      const input = h('input', { id, type: 'text', maxlength: String(NAME_MAX), 'data-testid': 'fac-room-name' });
      const entry = { input, label, edited: false, row: h('div', { className: 'fac-room-names__row' }, [label, input]) };
      input.addEventListener('input', () => { entry.edited = true; });
      nameInputs.push(entry);
      names.append(entry.row);
    }
    while (nameInputs.length > wanted) nameInputs.pop().row.remove();
    nameInputs.forEach((entry, i) => {
      setText(entry.label, t('fac.rooms.nameLabel', { n: i + 1 }));
      if (!entry.edited && entry.input.value !== defaults[i]) entry.input.value = defaults[i];
    });
  }

  count.addEventListener('input', syncNameInputs);
  create.addEventListener('click', () => {
    const wanted = roomCount();
    syncNameInputs();
    const defaults = defaultRoomNames(wanted, model.t('fac.rooms.defaultName'), model.rooms.length);
    const list = nameInputs.slice(0, wanted).map((entry, i) => entry.input.value.trim().slice(0, NAME_MAX) || defaults[i]);
    actions.create({ names: list, templateSection: template.value || null }).then((ok) => {
      if (!ok) return;
      // Fresh defaults for a next batch, numbered on.
      for (const entry of nameInputs) entry.edited = false;
    });
  });
  assign.addEventListener('click', () => actions.assign(mode.value));
  open.addEventListener('click', () => actions.open());
  close.addEventListener('click', () => actions.close());
  privateToggle.addEventListener('click', () => actions.setPrivate(model?.settings.privateWriting !== true));
  revealPlenary.addEventListener('click', () => actions.reveal(PLENARY_ROOM));

  function createCard(roomId) {
    const title = h('h4', { className: 'fac-room-card__title' });
    const membersHeading = h('p', { className: 'fac-room-card__label' });
    const members = h('ul', { className: 'fac-room-card__members' });
    const activity = h('p', { className: 'fac-room-card__activity', 'data-testid': 'fac-room-activity', 'data-events': '0' });
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${THUMB.w} ${THUMB.h}`);
    svg.setAttribute('class', 'fac-thumb');
    svg.setAttribute('role', 'img');
    svg.setAttribute('data-testid', 'fac-room-thumbnail');
    const enter = h('a', { className: 'button button--secondary button--small', 'data-testid': 'fac-room-enter', 'data-room': roomId, target: '_blank', rel: 'noopener' });
    const harvest = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-room-harvest', 'data-room': roomId });
    const reveal = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-reveal', 'data-room': roomId });
    harvest.addEventListener('click', () => actions.harvest(cardRecords.get(roomId)?.room));
    reveal.addEventListener('click', () => actions.reveal(roomId));
    const el = h('li', { className: 'fac-room-card', 'data-testid': 'fac-room-card', 'data-room': roomId }, [
      title, svg, activity, membersHeading, members,
      h('div', { className: 'fac-row' }, [enter, harvest, reveal]),
    ]);
    return { el, title, membersHeading, members, activity, svg, enter, harvest, reveal, thumbKey: null, room: null };
  }

  function drawThumbnail(record, watch, t, name) {
    const shapes = watch ? thumbnailShapes(watch, THUMB.w, THUMB.h) : { sections: [], notes: [] };
    const key = JSON.stringify(shapes);
    const label = t('fac.rooms.thumbnail', { room: name, notes: watch?.notes.size ?? 0, sections: watch?.sections.size ?? 0 });
    record.svg.setAttribute('aria-label', label);
    if (record.thumbKey === key) return;
    record.thumbKey = key;
    const nodes = [];
    const background = document.createElementNS(SVG, 'rect');
    for (const [k, v] of Object.entries({ x: 0, y: 0, width: THUMB.w, height: THUMB.h, class: 'fac-thumb__bg' })) background.setAttribute(k, String(v));
    nodes.push(background);
    for (const s of shapes.sections) {
      const rect = document.createElementNS(SVG, 'rect');
      for (const [k, v] of Object.entries({ x: s.x, y: s.y, width: s.w, height: s.h, class: 'fac-thumb__section' })) rect.setAttribute(k, String(v));
      nodes.push(rect);
    }
    for (const n of shapes.notes) {
      const rect = document.createElementNS(SVG, 'rect');
      const attributes = { x: n.x, y: n.y, width: n.w, height: n.h, class: 'fac-thumb__note', 'data-note-color': noteColor(n.color) };
      for (const [k, v] of Object.entries(attributes)) rect.setAttribute(k, String(v));
      nodes.push(rect);
    }
    record.svg.replaceChildren(...nodes);
  }

  return {
    /**
     * {t, settings, rooms: [breakout rooms], sections (plenary), members: Map room -> [participant],
     *  online: Set, watches: Map room -> watch}
     */
    update(next) {
      model = next;
      const { t, settings, rooms, sections, members, online, watches } = next;
      const breakoutOpen = settings.breakout === 'open';
      setText(heading, t('fac.rooms.heading'));
      setText(status, rooms.length === 0 ? t('fac.rooms.none')
        : t(breakoutOpen ? 'fac.rooms.statusOpen' : 'fac.rooms.statusClosed', { count: rooms.length }));

      setText(createHeading, t('fac.rooms.create'));
      setText(countLabel, t('fac.rooms.count'));
      setText(namesLegend, t('fac.rooms.names'));
      syncNameInputs();
      setText(templateLabel, t('fac.rooms.template'));
      setText(templateHint, t('fac.rooms.templateHint'));
      const options = [['', t('fac.rooms.templateNone')],
        ...readingOrder([...sections.values()]).map((s) => [s.id, s.title || t('section.untitled')])];
      const key = JSON.stringify(options);
      if (template.dataset.key !== key && document.activeElement !== template) {
        const current = template.value;
        template.dataset.key = key;
        template.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
        template.value = options.some(([value]) => value === current) ? current : '';
      }
      setText(create, t('fac.rooms.createButton', { count: roomCount() }));

      setText(assignHeading, t('fac.rooms.assign'));
      setText(modeLabel, t('fac.rooms.mode'));
      const modeKey = t('fac.rooms.modes.random');
      if (mode.dataset.key !== modeKey) {
        const current = mode.value || 'random';
        mode.dataset.key = modeKey;
        mode.replaceChildren(...ASSIGN_MODES.map((m) => h('option', { value: m, text: t(`fac.rooms.modes.${m}`) })));
        mode.value = current;
      }
      setText(assign, t('fac.rooms.assignButton'));
      assign.disabled = rooms.length === 0;
      setText(assignHint, settings.assignMode
        ? t('fac.rooms.assignCurrent', { mode: t(`fac.rooms.modes.${settings.assignMode}`) })
        : t('fac.rooms.assignHint'));
      setText(open, t('fac.rooms.open'));
      setText(close, t('fac.rooms.close'));
      open.disabled = rooms.length === 0 || breakoutOpen;
      close.disabled = !breakoutOpen;
      setAttr(open, 'aria-pressed', null);

      setText(privateHeading, t('fac.rooms.private'));
      const privateOn = settings.privateWriting === true;
      setText(privateToggle, t('fac.rooms.privateToggle'));
      setAttr(privateToggle, 'aria-pressed', String(privateOn));
      setText(privateHint, privateOn ? t('fac.rooms.privateOn') : t('fac.rooms.privateOff'));
      setText(revealPlenary, t('fac.rooms.revealPlenary'));

      setText(overviewHeading, t('fac.rooms.overview'));
      cardsEmpty.hidden = rooms.length > 0;
      setText(cardsEmpty, t('fac.rooms.overviewEmpty'));
      const seen = new Set();
      let ref = cards.firstChild;
      for (const room of rooms) {
        let record = cardRecords.get(room.id);
        if (!record) {
          record = createCard(room.id);
          cardRecords.set(room.id, record);
        }
        record.room = room;
        const name = room.name || room.id;
        const people = members.get(room.id) ?? [];
        setText(record.title, name);
        setAttr(record.el, 'data-members', String(people.length));
        setAttr(record.el, 'aria-label', t('fac.rooms.cardLabel', { room: name }));
        setText(record.membersHeading, t('fac.rooms.members', { count: people.length }));
        const memberKey = JSON.stringify(people.map((p) => [p.id, p.name, online.has(p.id)]));
        if (record.members.dataset.key !== memberKey || record.members.dataset.lang !== t('fac.participants.online')) {
          record.members.dataset.key = memberKey;
          record.members.dataset.lang = t('fac.participants.online');
          record.members.replaceChildren(...(people.length ? people.map((p) => {
            const isOnline = online.has(p.id);
            return h('li', { 'data-testid': 'fac-room-member', 'data-participant-id': p.id, 'data-online': String(isOnline) }, [
              h('span', { className: `fac-dot fac-dot--${isOnline ? 'on' : 'off'}`, 'aria-hidden': 'true' }),
              h('span', { text: p.name }),
              h('span', { className: 'visually-hidden', text: ` (${isOnline ? t('fac.participants.online') : t('fac.participants.offline')})` }),
            ]);
          }) : [h('li', { className: 'muted', text: t('fac.rooms.nobody') })]));
        }
        const watch = watches.get(room.id);
        const events = watch?.activity ?? 0;
        setAttr(record.activity, 'data-events', String(events));
        setAttr(record.activity, 'data-level', activityLevel(events));
        setText(record.activity, watch && watch.polls > 0
          ? t(`fac.rooms.activity.${activityLevel(events)}`, { count: events, notes: watch.notes.size })
          : t('fac.rooms.activity.waiting'));
        drawThumbnail(record, watch, t, name);
        setText(record.enter, t('fac.rooms.enter'));
        setAttr(record.enter, 'aria-label', t('fac.rooms.enterLabel', { room: name }));
        setAttr(record.enter, 'href', actions.enterHref(room.id));
        setText(record.harvest, t('fac.rooms.harvest'));
        setAttr(record.harvest, 'aria-label', t('fac.rooms.harvestLabel', { room: name }));
        setText(record.reveal, t('fac.rooms.reveal'));
        setAttr(record.reveal, 'aria-label', t('fac.rooms.revealLabel', { room: name }));
        seen.add(room.id);
        if (record.el !== ref) cards.insertBefore(record.el, ref);
        else ref = ref.nextSibling;
      }
      for (const [id, record] of cardRecords) if (!seen.has(id)) { record.el.remove(); cardRecords.delete(id); }
    },
  };
}
