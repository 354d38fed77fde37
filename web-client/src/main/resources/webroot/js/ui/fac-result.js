// Control view: the documented result. Take a snapshot; the snapshots newest first (Werkraum's
// own described by their occasion), each with a read-only view, a new board started from it
// and its downloads; downloads of the live board; save the board as an own template. A
// download is a format (and, for pictures, a room) and one button, per row.
import { copyToClipboard, h, setAttr, setText } from './dom.js';
import {
  EXPORT_FORMATS, formatDateTime, isAutomatic, isPictureFormat, roomsAt, snapshotLabel, snapshotsNewestFirst,
} from '../state/snapshots.js';
import { NAME_MAX } from '../state/limits.js';

/**
 * actions:
 *   takeSnapshot(name) -> Promise<boolean>; name may be empty
 *   download({format, room, snapshot}) -> Promise<file name, or null when it failed>
 *   newBoard(snapshotId) -> Promise<the new board's facilitator link, or null when it failed>
 *   readOnlyHref(snapshotId) -> the read-only page of a snapshot
 *   saveTemplate({name, notes}) -> Promise<boolean>
 * update({t, lang, snapshots, rooms, zone}): zone is the board's time zone (IANA id), or null
 */
export function mountFacResult(root, actions) {
  const heading = h('h2', { id: 'fac-result-heading' });
  const intro = h('p', { className: 'hint' });
  const timeZone = h('p', { className: 'hint', 'data-testid': 'fac-time-zone', hidden: true });

  const takeHeading = h('h3');
  const nameLabel = h('label', { for: 'fac-snapshot-name' });
  const nameInput = h('input', {
    id: 'fac-snapshot-name', type: 'text', maxlength: String(NAME_MAX), 'data-testid': 'fac-snapshot-name-input', 'aria-describedby': 'fac-snapshot-name-hint',
  });
  const nameHint = h('p', { className: 'hint', id: 'fac-snapshot-name-hint' });
  const takeButton = h('button', { type: 'submit', className: 'button button--small', 'data-testid': 'fac-snapshot-take' });
  const takeForm = h('form', { novalidate: true }, [
    takeHeading,
    h('div', { className: 'fac-field' }, [nameLabel, h('div', { className: 'fac-row' }, [nameInput, takeButton])]),
    nameHint,
  ]);

  const liveHeading = h('h3');
  const live = createDownloadControls('fac-live', 'fac-live-download', (choice) => download({ ...choice, snapshot: null }));

  const listHeading = h('h3');
  const empty = h('p', { className: 'hint' });
  const list = h('ul', { className: 'fac-snapshots', 'data-testid': 'fac-snapshots' });
  const status = h('p', { className: 'fac-message', role: 'status', 'data-testid': 'fac-result-status' });

  const templateHeading = h('h3');
  const templateHint = h('p', { className: 'hint', id: 'fac-template-hint' });
  const templateNameLabel = h('label', { for: 'fac-template-name' });
  const templateName = h('input', {
    id: 'fac-template-name', type: 'text', maxlength: String(NAME_MAX), 'data-testid': 'fac-template-name', 'aria-describedby': 'fac-template-hint fac-template-error',
  });
  const templateNotes = h('input', { type: 'checkbox', id: 'fac-template-notes', 'data-testid': 'fac-template-notes' });
  const templateNotesLabel = h('label', { for: 'fac-template-notes' });
  const templateError = h('p', { className: 'fac-error', id: 'fac-template-error', role: 'alert', hidden: true });
  const templateSave = h('button', { type: 'submit', className: 'button button--small', 'data-testid': 'fac-template-save' });
  const templateStatus = h('p', { className: 'fac-message', role: 'status', 'data-testid': 'fac-template-status' });
  const templateForm = h('form', { novalidate: true }, [
    templateHeading, templateHint,
    h('div', { className: 'fac-field' }, [templateNameLabel, h('div', { className: 'fac-row' }, [templateName, templateSave])]),
    h('div', { className: 'fac-check' }, [templateNotes, templateNotesLabel]),
    templateError,
    templateStatus,
  ]);

  root.append(heading, intro, timeZone, takeForm, liveHeading, live.el, listHeading, empty, list, status, templateForm);

  /** Snapshot id -> its list item. */
  const items = new Map();
  /** Snapshot id -> facilitator link of the board started from it (shown until reload). */
  const boards = new Map();
  let model = null;
  const tr = (key, params) => (model ? model.t(key, params) : key);

  takeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (takeButton.disabled) return;
    takeButton.disabled = true;
    const taken = await actions.takeSnapshot(nameInput.value.trim().slice(0, NAME_MAX));
    takeButton.disabled = false;
    if (taken) nameInput.value = '';
  });

  templateForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (templateSave.disabled) return;
    const name = templateName.value.trim().slice(0, NAME_MAX);
    templateError.hidden = Boolean(name);
    setAttr(templateName, 'aria-invalid', name ? null : 'true');
    if (!name) {
      setText(templateError, tr('fac.result.templateNameRequired'));
      templateName.focus();
      return;
    }
    templateSave.disabled = true;
    setText(templateStatus, '');
    const saved = await actions.saveTemplate({ name, notes: templateNotes.checked });
    templateSave.disabled = false;
    if (saved) {
      templateName.value = '';
      templateNotes.checked = false;
      setText(templateStatus, tr('fac.result.templateSaved', { name }));
    }
  });

  /** Runs a download and says how it goes in the status line (failures come as toasts). */
  async function download(choice) {
    announce(tr('fac.result.preparing', { format: tr(`fac.result.formats.${choice.format}`) }));
    const fileName = await actions.download(choice);
    announce(fileName ? tr('fac.result.downloaded', { file: fileName }) : '');
  }

  function announce(text) {
    setText(status, text);
  }

  function createItem(id) {
    const name = h('strong', { className: 'fac-snapshot__name', 'data-testid': 'fac-snapshot-label' });
    const time = h('time', { className: 'fac-status', 'data-testid': 'fac-snapshot-time' });
    const open = h('a', {
      className: 'button button--secondary button--small', href: actions.readOnlyHref(id), target: '_blank', rel: 'noopener', 'data-testid': 'fac-snapshot-open',
    });
    const newBoard = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-snapshot-new-board' });
    const downloads = createDownloadControls(`fac-snapshot-${id}`, 'fac-snapshot-download', (choice) => download({ ...choice, snapshot: id }));

    const boardText = h('p', { className: 'hint' });
    const boardLink = h('code', { className: 'link-value', 'data-testid': 'fac-snapshot-board-link' });
    const boardOpen = h('a', { className: 'button button--small', target: '_blank', rel: 'noopener', 'data-testid': 'fac-snapshot-board-open' });
    const boardCopy = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-snapshot-board-copy' });
    const board = h('div', { className: 'link-block link-block--secret fac-snapshot__board', hidden: true }, [
      boardText, h('div', { className: 'fac-link' }, [boardLink, boardOpen, boardCopy]),
    ]);

    newBoard.addEventListener('click', async () => {
      newBoard.disabled = true;
      const link = await actions.newBoard(id);
      newBoard.disabled = false;
      if (!link) return;
      boards.set(id, link);
      if (model) update(model);
      announce(tr('fac.result.boardCreated'));
      boardOpen.focus();
    });
    boardCopy.addEventListener('click', async () => {
      const copied = await copyToClipboard(boardLink.textContent);
      announce(tr(copied ? 'fac.links.copied' : 'fac.links.copyFailed'));
    });

    const el = h('li', { className: 'fac-snapshot', 'data-testid': 'fac-snapshot', 'data-snapshot-id': id }, [
      h('div', { className: 'fac-snapshot__head' }, [name, time]),
      h('div', { className: 'fac-row' }, [open, newBoard]),
      downloads.el,
      board,
    ]);
    return { el, name, time, open, newBoard, downloads, board, boardText, boardLink, boardOpen, boardCopy };
  }

  function updateItem(item, snapshot, { t, lang, rooms }) {
    const label = snapshotLabel(snapshot, t);
    const when = formatDateTime(snapshot.takenAt, lang);
    setText(item.name, label);
    setText(item.time, when);
    setAttr(item.time, 'datetime', Number.isFinite(snapshot.takenAt) ? new Date(snapshot.takenAt).toISOString() : null);
    setAttr(item.el, 'data-automatic', String(isAutomatic(snapshot)));
    const what = t('fac.result.snapshotNamed', { name: label, time: when });
    setText(item.open, t('fac.result.open'));
    setAttr(item.open, 'aria-label', t('fac.result.openLabel', { what }));
    setText(item.newBoard, t('fac.result.newBoard'));
    setAttr(item.newBoard, 'aria-label', t('fac.result.newBoardLabel', { what }));
    item.downloads.update({ t, rooms: roomsAt(rooms, snapshot.takenAt ?? null), what });
    const link = boards.get(snapshot.id) ?? null;
    item.board.hidden = !link;
    if (link) {
      setText(item.boardText, t('fac.result.boardLinkHint'));
      setText(item.boardLink, link);
      setAttr(item.boardOpen, 'href', link);
      setText(item.boardOpen, t('fac.result.boardOpen'));
      setText(item.boardCopy, t('fac.links.copy'));
      setAttr(item.boardCopy, 'aria-label', t('fac.result.boardCopyLabel'));
    }
  }

  function update(next) {
    model = next;
    const { t, snapshots, rooms, zone } = next;
    setText(heading, t('fac.result.heading'));
    setText(intro, t('fac.result.intro'));
    // Boards made before they had a zone of their own use the server's, which the page does not know.
    timeZone.hidden = !zone;
    setText(timeZone, zone ? t('fac.result.timeZone', { zone }) : '');
    setText(takeHeading, t('fac.result.take'));
    setText(nameLabel, t('fac.result.name'));
    setText(nameHint, t('fac.result.nameHint'));
    setText(takeButton, t('fac.result.takeButton'));
    setText(liveHeading, t('fac.result.live'));
    live.update({ t, rooms: roomsAt(rooms, null), what: t('fac.result.liveWhat') });
    setText(listHeading, t('fac.result.snapshots'));
    setText(templateHeading, t('fac.result.template'));
    setText(templateHint, t('fac.result.templateHint'));
    setText(templateNameLabel, t('fac.result.templateName'));
    setText(templateNotesLabel, t('fac.result.templateNotes'));
    setText(templateSave, t('fac.result.templateSave'));
    if (!templateError.hidden) setText(templateError, t('fac.result.templateNameRequired'));

    const ordered = snapshotsNewestFirst(snapshots);
    empty.hidden = ordered.length > 0;
    setText(empty, t('fac.result.none'));
    const seen = new Set();
    let ref = list.firstChild;
    for (const snapshot of ordered) {
      let item = items.get(snapshot.id);
      if (!item) {
        item = createItem(snapshot.id);
        items.set(snapshot.id, item);
      }
      updateItem(item, snapshot, next);
      seen.add(snapshot.id);
      if (item.el !== ref) list.insertBefore(item.el, ref);
      else ref = ref.nextSibling;
    }
    for (const [id, item] of items) if (!seen.has(id)) { item.el.remove(); items.delete(id); }
  }

  return { update };
}

/**
 * One row of download controls: the format, the room (for pictures) and the button. `run`
 * gets {format, room}; the button is busy until it settles.
 */
function createDownloadControls(idBase, testId, run) {
  const formatLabel = h('label', { for: `${idBase}-format`, className: 'visually-hidden' });
  const format = h('select', { id: `${idBase}-format`, 'data-testid': 'fac-download-format' },
    EXPORT_FORMATS.map((value) => h('option', { value })));
  const roomLabel = h('label', { for: `${idBase}-room`, className: 'visually-hidden' });
  const room = h('select', { id: `${idBase}-room`, 'data-testid': 'fac-download-room' });
  const roomBox = h('span', { className: 'fac-download__room', hidden: true }, [roomLabel, room]);
  const button = h('button', { type: 'button', className: 'button button--small', 'data-testid': 'fac-download' });
  const el = h('div', { className: 'fac-row fac-download', role: 'group', 'data-testid': testId }, [formatLabel, format, roomBox, button]);

  format.addEventListener('change', () => { roomBox.hidden = !isPictureFormat(format.value); });
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-busy') === 'true') return;
    setAttr(button, 'aria-busy', 'true');
    button.disabled = true;
    try {
      await run({ format: format.value, room: isPictureFormat(format.value) ? room.value : null });
    } finally {
      button.disabled = false;
      setAttr(button, 'aria-busy', null);
    }
  });

  return {
    el,
    /** {t, rooms: [{id, name}] (the plenary first, name null), what: what is downloaded, for labels} */
    update({ t, rooms, what }) {
      setAttr(el, 'aria-label', t('fac.result.downloadGroup', { what }));
      setText(formatLabel, t('fac.result.format'));
      for (const option of format.options) setText(option, t(`fac.result.formats.${option.value}`));
      setText(roomLabel, t('fac.result.room'));
      setAttr(room, 'title', t('fac.result.room'));
      const options = rooms.map((r) => [r.id, r.name || (r.kind === 'plenary' ? t('rooms.plenary') : r.id)]);
      const key = JSON.stringify(options);
      if (room.dataset.key !== key) {
        const chosen = room.value;
        room.dataset.key = key;
        room.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
        if (options.some(([value]) => value === chosen)) room.value = chosen;
      }
      setText(button, t('fac.result.download'));
      setAttr(button, 'aria-label', t('fac.result.downloadLabel', { what }));
    },
  };
}
