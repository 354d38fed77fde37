// Entry point of /b/<board>/snapshot/<snapshot>: a snapshot of a board, read-only. Loads it
// with the token this browser holds for the board and shows the board as it was: a room
// switcher, the notes and sections on a canvas one can pan and zoom but not change, and the
// results of the closed voting rounds.
import { mountPageShell } from './ui/page-shell.js';
import { errorMessageKey, language, t } from './i18n.js';
import { ApiError, fetchSnapshot } from './api/http.js';
import { createTokenStore, snapshotPathParts } from './api/credentials.js';
import { mountCanvas } from './ui/canvas.js';
import { mountZoomControls } from './ui/zoom-controls.js';
import { mountMinimap } from './ui/minimap.js';
import { mountRoomBar } from './ui/room-bar.js';
import { mountVotingPanel } from './ui/voting-panel.js';
import { h, setText } from './ui/dom.js';
import { emptyPresence } from './state/presence.js';
import { ErrorCodes } from './protocol.js';
import { PLENARY_ROOM } from './state/limits.js';
import { breakoutRooms, roomName } from './state/rooms.js';
import { closedRounds, documentParticipants, documentRoomContent, documentRooms } from './state/snapshot-document.js';
import { formatDateTime } from './state/snapshots.js';
import { countsByNote } from './state/voting.js';
import { viewportFitting, zoomPercent } from './state/viewport.js';

const views = {
  loading: document.getElementById('loading-view'),
  noAccess: document.getElementById('no-access-view'),
  failed: document.getElementById('failed-view'),
  snapshot: document.getElementById('snapshot-view'),
};

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
}

async function main() {
  const shell = await mountPageShell();
  const parts = snapshotPathParts(location.pathname);
  const boardHref = parts ? `/b/${encodeURIComponent(parts.boardId)}` : '/';
  for (const link of document.querySelectorAll('[data-part="board-link"]')) link.setAttribute('href', boardHref);

  const entry = parts ? createTokenStore(window.localStorage).load(parts.boardId) : null;
  if (!entry) {
    showView('noAccess');
    return;
  }
  let doc;
  try {
    doc = await fetchSnapshot(parts.boardId, entry.token, parts.snapshotId);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      showView('noAccess');
      return;
    }
    const code = error instanceof ApiError ? error.code : 'network';
    const failure = document.querySelector('[data-part="failure"]');
    shell.renderPage = () => setText(failure, code === ErrorCodes.notFound ? t('snapshot.notFound') : t(errorMessageKey(code), { code }));
    shell.renderPage();
    showView('failed');
    return;
  }
  showSnapshot(shell, doc);
}

function showSnapshot(shell, doc) {
  showView('snapshot');
  const rooms = documentRooms(doc);
  const participants = documentParticipants(doc);
  const rounds = closedRounds(doc);
  const canvasEl = document.getElementById('canvas');
  const ui = {
    room: PLENARY_ROOM,
    content: documentRoomContent(doc, PLENARY_ROOM),
    viewport: null,
    selected: null,
    /** The round whose dots the notes show (the newest closed one first). */
    round: rounds[0]?.id ?? '',
  };

  let frame = 0;
  const requestRender = () => {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
  };
  const renderNow = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    render();
  };
  /** The whole room in view, as far as 100 %. */
  const fitRoom = () => {
    ui.viewport = viewportFitting([...ui.content.sections.values(), ...ui.content.notes.values()], canvasEl.clientWidth, canvasEl.clientHeight);
  };

  // A snapshot never changes: the read-only canvas offers no editing and sends no presence,
  // so what would create, change or announce something has nothing to do.
  const unchanged = () => null;
  const canvas = mountCanvas(canvasEl, {
    setViewport: (v) => { ui.viewport = v; requestRender(); },
    select: (selection) => { ui.selected = selection; requestRender(); },
    createNoteAt: unchanged,
    updateItem: unchanged,
    deleteItem: unchanged,
    cursor: unchanged,
    drag: unchanged,
    dragEnd: unchanged,
    requestRender,
    renderNow,
  });
  const zoom = mountZoomControls(document.getElementById('zoom-controls'), {
    zoom: (direction) => canvas.zoomStep(direction),
    fit: () => canvas.fitAll(),
  });
  const minimap = mountMinimap({ root: document.getElementById('minimap'), toggleRoot: document.getElementById('zoom-controls'), canvas: canvasEl }, {
    storage: window.localStorage,
    setViewport: (v) => { ui.viewport = v; requestRender(); },
  });
  const roomBar = mountRoomBar(document.getElementById('topbar-room'), {
    enterRoom: (target) => {
      ui.room = rooms.has(target) ? target : PLENARY_ROOM;
      ui.content = documentRoomContent(doc, ui.room);
      ui.selected = null;
      fitRoom();
      renderNow();
      canvas.focus();
    },
  });

  const roundLabel = h('label', { for: 'snapshot-round', className: 'snapshot-rounds__label' });
  const roundSelect = h('select', { id: 'snapshot-round', 'data-testid': 'snapshot-round' });
  const noRounds = h('p', { className: 'hint' });
  roundSelect.addEventListener('change', () => {
    ui.round = roundSelect.value;
    renderNow();
  });
  document.getElementById('snapshot-rounds').append(h('div', { className: 'field', hidden: rounds.length === 0 }, [roundLabel, roundSelect]), noRounds);
  const votingPanel = mountVotingPanel(document.getElementById('voting-panel'));
  const banner = document.querySelector('[data-part="banner"]');
  const noPresence = emptyPresence();

  function render() {
    shell.topbarState = { ...shell.topbarState, boardTitle: doc.title ?? '' };
    shell.renderTopbar();
    document.title = t('page.snapshotTitleNamed', { title: doc.title ?? '' });
    const when = formatDateTime(doc.snapshot?.takenAt, language());
    const name = typeof doc.snapshot?.name === 'string' ? doc.snapshot.name.trim() : '';
    setText(banner, name ? t('snapshot.banner', { name, time: when }) : t('snapshot.bannerUnnamed', { time: when }));

    roomBar.update({
      t: t, room: ui.room, roomName: roomName(rooms, ui.room, t('rooms.plenary')), rooms: breakoutRooms(rooms), canChoose: true, plenaryName: t('rooms.plenary'),
    });

    setText(roundLabel, t('snapshot.showRound'));
    const options = [['', t('snapshot.noRound')], ...rounds.map((r) => [r.id, r.title || t('voting.untitled')])];
    const key = JSON.stringify(options);
    if (roundSelect.dataset.key !== key) {
      roundSelect.dataset.key = key;
      roundSelect.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
    }
    roundSelect.value = ui.round;
    noRounds.hidden = rounds.length > 0;
    setText(noRounds, t('snapshot.noRounds'));
    const shown = rounds.find((r) => r.id === ui.round) ?? null;
    votingPanel.update({
      t: t, lang: language(), open: null, remainingVotes: 0, canVote: false, sectionTitles: [], shown, notes: ui.content.notes, participants,
    });

    zoom.update({ t: t, zoomPercent: zoomPercent(ui.viewport) });
    canvas.update({
      notes: ui.content.notes,
      sections: ui.content.sections,
      participants,
      selfId: null,
      selected: ui.selected,
      viewport: ui.viewport,
      presence: noPresence,
      self: { id: null, role: 'observer' },
      readOnly: true,
      spotlight: null,
      voting: { canVote: null, mine: {}, actions: null, results: shown && (shown.room ?? PLENARY_ROOM) === ui.room ? countsByNote(shown) : null },
      t: t,
    });
    minimap.update({ notes: ui.content.notes, sections: ui.content.sections, viewport: ui.viewport, t });
  }
  shell.renderPage = render;
  fitRoom();
  render();
  canvas.focus();
}

main().catch((error) => {
  const fallback = document.getElementById('startup-error');
  if (fallback) fallback.hidden = false;
  console.error(error);
});
