// Entry point of /b/<boardId>: find or obtain a join token, then run the board UI.
import { mountPageShell } from './ui/page-shell.js';
import { freeSpot, spotBeside } from './state/placement.js';
import { sectionOf, spotInSection } from './state/board-outline.js';
import { createChangeDigest } from './state/change-digest.js';
import { createDrafts } from './state/drafts.js';
import { deletionNeedsConfirmation } from './state/deletion.js';
import { errorMessageKey, language, t } from './i18n.js';
import { ApiError, fetchPrivacy, fetchSession, fetchTicket, joinBoard } from './api/http.js';
import { rememberForSignIn, signInHref, takeAfterSignIn } from './api/sign-in.js';
import { deletionTime, formatDate, retentionDays } from './state/retention.js';
import { setText } from './ui/dom.js';
import { createEraseDialog } from './ui/erase-dialog.js';
import { createConfirm } from './ui/confirm.js';
import { createConflictDialog } from './ui/conflict-dialog.js';
import { createNoteWriting } from './board/note-writing.js';
import { boardIdFromPath, chooseStoredToken, createTokenStore, joinBodyField, parseFragment, roleForKind } from './api/credentials.js';
import { createBoardSession } from './board/session.js';
import { randomId } from './ids.js';
import { Commands, ErrorCodes, Events } from './protocol.js';
import { DEFAULT_NOTE_COLOR, NAME_MAX, NOTE_SIZE, PLENARY_ROOM, SECTION_SIZE, clampCoord } from './state/limits.js';
import { initialViewport, zoomPercent } from './state/viewport.js';
import { storeView } from './state/stored-view.js';
import { createThrottle } from './net/throttle.js';
import { countsByNote, excerpt, myVotes, noteInScope, openRound, shownResults } from './state/voting.js';
import { enableSound, playChime } from './sound.js';
import { mountStatusBar } from './ui/status-bar.js';
import { mountBoardSteering } from './ui/board-steering.js';
import { createSteering } from './ui/steering-commands.js';
import { mountBanners } from './ui/banners.js';
import { mountUpdateBanner } from './ui/update-banner.js';
import { mountVotingPanel } from './ui/voting-panel.js';
import { createAnnouncer } from './ui/announcer.js';
import { mountJoinForm } from './ui/join-form.js';
import { mountParticipants } from './ui/participants.js';
import { mountToolbar } from './ui/toolbar.js';
import { mountSidePanel } from './ui/side-panel.js';
import { mountCanvas } from './ui/canvas.js';
import { mountMinimap } from './ui/minimap.js';
import { mountListView } from './ui/list-view.js';
import { mountRoomBar } from './ui/room-bar.js';
import { mountRoomPicker } from './ui/room-picker.js';
import { breakoutRooms, choosingRooms, membersByRoom, roomFromHash, roomName } from './state/rooms.js';
import { noteVisibility } from './state/private-notes.js';
import { writerNames } from './state/presence.js';

const views = {
  loading: document.getElementById('loading-view'),
  join: document.getElementById('join-view'),
  noLink: document.getElementById('no-link-view'),
  gone: document.getElementById('gone-view'),
  erased: document.getElementById('erased-view'),
  waiting: document.getElementById('waiting-view'),
  turnedAway: document.getElementById('turned-away-view'),
  signIn: document.getElementById('sign-in-view'),
  board: document.getElementById('board-view'),
};

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
}

const NOTICE_KEY = 'werkraum.notice';
/** How often someone in the waiting room asks whether they were let in. */
const WAITING_POLL_MS = 2000;

/** Everyone on the board, without those still in its waiting room. */
function onTheBoard(participants) {
  return new Map([...participants].filter(([, p]) => p.waiting !== true));
}
const SOUND_KEY = 'werkraum.timerSound';
/** Canvas or list: each person's choice, kept in this browser for every board. */
const BOARD_VIEW_KEY = 'werkraum.boardView';
const SEEN_KEY_PREFIX = 'werkraum.seen.';
const FOLLOW_HEARTBEAT_MS = 2000;
/** The commands that change a canvas item, by its kind. */
const UPDATE = { note: Commands.noteUpdate, section: Commands.sectionUpdate };
const DELETE = { note: Commands.noteDelete, section: Commands.sectionDelete };

function readStorage(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

function writeStorage(key, value) {
  try { localStorage.setItem(key, value); } catch { /* a courtesy only */ }
}

/** A message left for this page by the previous one (see restartFromLink). */
function takeNotice() {
  try {
    const notice = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return notice;
  } catch {
    return null;
  }
}

function errorKey(code) {
  return errorMessageKey(code);
}

async function main() {
  const shell = await mountPageShell();
  const { toasts } = shell;
  const tokenStore = createTokenStore(window.localStorage);

  const boardId = boardIdFromPath(location.pathname);
  if (!boardId) {
    showView('noLink');
    return;
  }
  // Back from signing in: the link this page was opened with comes from sessionStorage.
  const fragment = parseFragment(location.hash) ?? takeAfterSignIn(window.sessionStorage, boardId);
  /** `#room=<id>`: a facilitator entering a room from the control view. */
  let wantedRoom = roomFromHash(location.hash);
  let enterRoomFromHash = null;
  // Pasting another link of this board into the same tab only changes the fragment:
  // start over so the new credential is looked at.
  window.addEventListener('hashchange', () => {
    if (parseFragment(location.hash)) {
      location.reload();
      return;
    }
    const target = roomFromHash(location.hash);
    if (target && enterRoomFromHash) {
      history.replaceState(null, '', location.pathname);
      enterRoomFromHash(target);
    }
  });

  // 1. A token this browser got earlier for this board (same identity on reopening).
  const stored = chooseStoredToken(tokenStore.load(boardId), fragment);
  if (stored) {
    try {
      const info = await fetchSession(boardId, stored.token);
      enterBoard(stored, info);
      return;
    } catch (error) {
      if (error instanceof ApiError && error.code === ErrorCodes.boardGone) {
        tokenStore.forget(boardId);
        showView('gone');
        return;
      }
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
        tokenStore.forget(boardId);
      } else {
        // Server unreachable: start anyway; the connection retries and shows its state.
        enterBoard(stored, {});
        return;
      }
    }
  }

  // 2. No usable token: join with the link's credential.
  if (!fragment) {
    showView('noLink');
    return;
  }
  showJoin(fragment, takeNotice());

  async function showJoin(credential, initialErrorKey) {
    // What joining means for one's data is shown before anyone can join.
    const privacy = await fetchPrivacy().catch(() => null);
    showView('join');
    let formState = { credentialKind: credential.kind, busy: false, errorKey: initialErrorKey, invalidName: false, privacy };
    const form = mountJoinForm(document.getElementById('join-form'), {
      onSubmit: async ({ name, organisation, passphrase }) => {
        if (!name) {
          formState = { ...formState, errorKey: 'join.nameRequired', invalidName: true };
          shell.renderPage();
          form.focusName();
          return;
        }
        formState = { ...formState, busy: true, errorKey: null, invalidName: false };
        shell.renderPage();
        try {
          const joined = await joinBoard(boardId, joinBodyField(credential), name.slice(0, NAME_MAX), organisation.slice(0, NAME_MAX),
            passphrase);
          const entry = {
            token: joined.token,
            role: joined.participant?.role ?? roleForKind(credential.kind),
            participant: joined.participant,
            board: joined.board,
            credential,
          };
          tokenStore.save(boardId, entry);
          enterBoard(entry, joined);
        } catch (error) {
          const code = error instanceof ApiError ? error.code : 'network';
          if (code === ErrorCodes.boardGone) {
            showView('gone');
            return;
          }
          if (code === ErrorCodes.signInRequired) {
            showSignIn(credential);
            return;
          }
          // A board that asks for a passphrase says so on the first try: the field appears.
          const askPassphrase = formState.askPassphrase || code === ErrorCodes.passphraseRequired;
          formState = { ...formState, busy: false, errorKey: joinErrorKey(code), errorParams: { code }, askPassphrase };
          shell.renderPage();
        }
      },
    });
    shell.renderPage = () => form.update({ ...formState, t });
    shell.renderPage();
    form.focusName();
  }

  /**
   * This board's facilitators must sign in: a link to the identity provider that comes back to
   * this board with the same link (kept in sessionStorage meanwhile, not in the URL).
   */
  function showSignIn(credential) {
    if (location.hash) history.replaceState(null, '', location.pathname);
    const link = document.querySelector('[data-testid="board-sign-in"]');
    link.href = signInHref(location.pathname);
    link.onclick = () => { if (credential) rememberForSignIn(window.sessionStorage, boardId, credential); };
    showView('signIn');
    link.focus();
  }

  /**
   * The board's waiting room: nothing of the board is shown until a facilitator lets this person
   * in; the page asks every few seconds. Turned away (removed): it says so.
   */
  function waitToBeLetIn(entry) {
    showView('waiting');
    const ask = () => fetchSession(boardId, entry.token).then((info) => {
      if (info.participant?.waiting === true) {
        setTimeout(ask, WAITING_POLL_MS);
      } else {
        enterBoard(entry, info);
      }
    }, (error) => {
      if (error instanceof ApiError && error.status === 401) {
        tokenStore.forget(boardId);
        showView('turnedAway');
      } else if (error instanceof ApiError && error.code === ErrorCodes.boardGone) {
        tokenStore.forget(boardId);
        showView('gone');
      } else {
        setTimeout(ask, WAITING_POLL_MS);
      }
    });
    setTimeout(ask, WAITING_POLL_MS);
  }

  /** The token stopped working: start over from the link, as on a first visit. */
  function restartFromLink(credential) {
    tokenStore.forget(boardId);
    if (!credential) {
      showView('noLink');
      return;
    }
    try { sessionStorage.setItem(NOTICE_KEY, 'error.unauthorized'); } catch { /* the notice is a courtesy */ }
    history.replaceState(null, '', `${location.pathname}#${credential.kind}=${encodeURIComponent(credential.value)}`);
    location.reload();
  }

  function joinErrorKey(code) {
    // Refusals of a join mean the link is wrong or revoked; say so in words.
    if (code === ErrorCodes.notAllowed || code === 'unauthorized' || code === ErrorCodes.notFound) return 'join.errorLink';
    return errorKey(code);
  }

  function enterBoard(entry, info) {
    // The secret stays out of the address bar (screen sharing in a workshop) and the
    // history; the stored token brings this browser back to the same identity.
    if (location.hash) history.replaceState(null, '', location.pathname);
    const participant = info.participant ?? entry.participant ?? (info.participantId ? { id: info.participantId, role: info.role } : null);
    if (!participant?.id) {
      restartFromLink(entry.credential);
      return;
    }
    if (participant.waiting === true) {
      waitToBeLetIn(entry);
      return;
    }
    const board = info.board ?? entry.board ?? null;
    shell.topbarState = { ...shell.topbarState, boardTitle: board?.title ?? '' };
    runBoard({ entry, participant, board });
  }

  function runBoard({ entry, participant, board }) {
    showView('board');
    const role = participant.role;
    const observer = role === 'observer';
    const facilitator = role === 'facilitator';
    /** Notes and sections are read-only for observers, and for participants while the board is locked. */
    let readOnly = observer;
    const session = createBoardSession({
      boardId,
      token: entry.token,
      self: participant,
      location: window.location,
      sendsPresence: !observer,
      // Facilitators read hidden notes (note.private) and may look at any room.
      facilitatorFeed: facilitator,
      room: facilitator ? wantedRoom : null,
      checkToken: () => fetchSession(boardId, entry.token).then(() => true, (error) => {
        if (error instanceof ApiError && error.code === ErrorCodes.boardGone) {
          boardGone();
          return true;
        }
        return !(error instanceof ApiError && error.status === 401);
      }),
      // The server closes an erased person's socket, maybe before its answer reaches them.
      onUnauthorized: () => (erasing ? dataErased() : restartFromLink(entry.credential)),
      ticketFor: () => fetchTicket(boardId, entry.token).then((answer) => answer.ticket, (error) => {
        // Facilitators must sign in now: this identity joined without, so sign in and join anew.
        if (error instanceof ApiError && error.code === ErrorCodes.signInRequired) {
          session.stop();
          tokenStore.forget(boardId);
          showSignIn(entry.credential);
        }
        throw error;
      }),
    });
    /** This person asked to erase their data: losing access is the expected outcome. */
    let erasing = false;

    /** The board no longer exists: deleted, or past its retention. */
    function boardGone() {
      session.stop();
      tokenStore.forget(boardId);
      showView('gone');
    }

    const ui = {
      selected: null,
      viewport: initialViewport(),
      defaultColor: DEFAULT_NOTE_COLOR,
      soundOn: readStorage(SOUND_KEY) === 'on',
      /** settings.follow value this person stopped following (until it changes). */
      stoppedFollowing: null,
      /** Last applied: spotlight key, focus `at`, followed viewport `at`. */
      spotlightKey: null,
      focusAt: undefined,
      followedAt: null,
    };
    const announcer = createAnnouncer(document.getElementById('announcer'));
    /** A short message for everyone at the screen: a toast, whose live region also says it (once). */
    const tell = (text) => toasts.show(text, 'info');
    // Anyone who acts on the board may erase their own data (GDPR Art. 17); observers ask the facilitators.
    const eraseSelf = document.getElementById('erase-self');
    eraseSelf.hidden = observer;
    const askErase = createEraseDialog(t);
    eraseSelf.addEventListener('click', async () => {
      const notes = await askErase({ self: true });
      if (!notes) return;
      erasing = true;
      const reply = await session.request({ type: Commands.participantErase, id: participant.id, notes });
      if (reply.ok) dataErased();
      else erasing = false;
    });

    /** This person's data is erased: nothing of theirs is left to show. */
    function dataErased() {
      session.stop();
      tokenStore.forget(boardId);
      showView('erased');
    }
    /** How long the instance keeps boards; read once, shown beside the participants. */
    let retention = null;
    const retentionNote = document.getElementById('retention-note');
    fetchPrivacy().then((facts) => {
      retention = facts.retention ?? null;
      requestRender();
    }, () => {});
    let followHeartbeat = null;
    let frame = 0;
    const requestRender = () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
    };
    const renderNow = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      render();
    };
    const digest = createChangeDigest();
    /**
     * Note text the server refused while the board was locked, or typed when the page ended:
     * shown as drafts, saved when the board is open.
     */
    const drafts = createDrafts(window.localStorage, boardId);
    const dispatch = (command) => {
      const changed = command.note?.id ?? command.id;
      if (changed) digest.ownChange(changed, Date.now());
      return session.dispatch({ room: session.room, ...command });
    };
    const noteWriting = createNoteWriting({
      session, dispatch, drafts, t,
      offerConflict: createConflictDialog(t),
      tell,
    });
    if (facilitator) enterRoomFromHash = (target) => session.enterRoom(target);
    wantedRoom = null;

    /** A new note centred on `point`, selected; `text` for one that starts with words in it. */
    function createNoteAt(point, text = '') {
      const id = randomId();
      dispatch({
        type: Commands.noteCreate,
        note: {
          id,
          x: clampCoord(point.x - NOTE_SIZE.defaultW / 2),
          y: clampCoord(point.y - NOTE_SIZE.defaultH / 2),
          w: NOTE_SIZE.defaultW,
          h: NOTE_SIZE.defaultH,
          color: ui.defaultColor,
          text,
        },
      });
      ui.selected = { kind: 'note', id };
      return id;
    }

    /** A note can be copied while the board may be changed, unless it is a hidden note whose text I cannot read. */
    function canDuplicate(note) {
      return Boolean(note) && !readOnly && noteVisibility(note, participant) !== 'placeholder';
    }

    /** A copy of a note beside it (the server copies text, colour and size), then selected and focused. */
    function duplicateNote(sourceId) {
      const source = session.view.notes.get(sourceId);
      if (!canDuplicate(source)) return;
      const spot = spotBeside(source, session.view.notes.values());
      const id = randomId();
      dispatch({ type: Commands.noteDuplicate, id: sourceId, note: { id, x: clampCoord(spot.x), y: clampCoord(spot.y) } });
      ui.selected = { kind: 'note', id };
      canvas.focusItem('note', id);
      canvas.revealNote(id);
    }

    // A room entered, or a board opened for the first time in this browser, opens with all its
    // content in view (a room's copied question may lie anywhere on the plane) once its state is
    // read and drawn; a view that shows it all already stays as it is.
    let fitWhenSynced = readStorage(SEEN_KEY_PREFIX + boardId) === null;
    writeStorage(SEEN_KEY_PREFIX + boardId, '1');

    // The control view has no canvas: it brings everyone to the view stored here, and puts a
    // harvest in the middle of it when it is of the plenary. A jump is kept at once (a harvest
    // right after the one that moved the view goes beside it); a pan at most every 200 ms.
    const viewStore = createThrottle(200, ({ view, room }) => storeView(window.localStorage, boardId, view, room));
    function viewportChanged(v) {
      if (!facilitator) return;
      viewStore.push({ view: canvas.sharedView(v), room: session.room });
      if (session.view.settings?.follow === participant.id) session.sendViewport(canvas.sharedView(v));
    }

    const confirm = createConfirm(t);
    /** Asks whether to delete a note or section that has content. */
    const askDeletion = (kind, item) => confirm(kind === 'note'
      ? t('canvas.deleteNoteConfirm', { text: excerpt(item.text, 60) })
      : t('canvas.deleteSectionConfirm', { title: item.title || t('section.untitled') }), t('canvas.deleteConfirmOk'));
    const setViewport = (v) => { ui.viewport = v; viewportChanged(v); requestRender(); };
    const canvas = mountCanvas(document.getElementById('canvas'), {
      setViewport,
      select: (selection) => { ui.selected = selection; requestRender(); },
      createNoteAt,
      // N on the board: as the "+" buttons, the free spot nearest the middle of the view.
      addNoteInView: () => addNoteInView(),
      updateItem: (kind, id, patch) => dispatch({ type: UPDATE[kind], id, patch }),
      saveNoteText: noteWriting.save,
      rescueNoteText: ({ text, x, y }) => {
        createNoteAt({ x: x + NOTE_SIZE.defaultW / 2, y: y + NOTE_SIZE.defaultH / 2 }, text);
        tell(t('note.rescued'));
      },
      writing: noteWriting.writing,
      writingDone: noteWriting.writingDone,
      deleteItem: (kind, id) => {
        dispatch({ type: DELETE[kind], id });
        if (ui.selected?.id === id) ui.selected = null;
      },
      confirmDelete: askDeletion,
      duplicateNote,
      cursor: (x, y) => { if (!observer) session.sendCursor(x, y); },
      drag: (kind, id, x, y) => session.sendDrag(id, x, y),
      dragEnd: (kind, id) => session.sendDragEnd(id),
      requestRender,
      renderNow,
      announce: (text) => announcer.announce(text),
    });

    /** A note on a free spot near the middle of the view, its editor open. */
    function addNoteInView() {
      const size = { w: NOTE_SIZE.defaultW, h: NOTE_SIZE.defaultH };
      const spot = freeSpot(canvas.centre(), size, session.view.notes.values());
      canvas.edit('note', createNoteAt({ x: spot.x + size.w / 2, y: spot.y + size.h / 2 }));
    }
    const addNoteButton = document.getElementById('add-note-fab');
    addNoteButton.addEventListener('click', addNoteInView);

    const toolbar = mountToolbar(document.getElementById('toolbar'), document.getElementById('zoom-controls'), {
      addNote: addNoteInView,
      addSection: () => {
        const centre = canvas.centre();
        const id = randomId();
        dispatch({
          type: Commands.sectionCreate,
          section: {
            id,
            x: clampCoord(centre.x - SECTION_SIZE.defaultW / 2),
            y: clampCoord(centre.y - SECTION_SIZE.defaultH / 2),
            w: SECTION_SIZE.defaultW,
            h: SECTION_SIZE.defaultH,
            title: t('section.defaultTitle'),
          },
        });
        ui.selected = { kind: 'section', id };
        canvas.focusItem('section', id);
      },
      setColor: (color) => {
        ui.defaultColor = color;
        if (ui.selected?.kind === 'note') dispatch({ type: Commands.noteUpdate, id: ui.selected.id, patch: { color } });
        requestRender();
      },
      duplicateSelected: () => { if (ui.selected?.kind === 'note') duplicateNote(ui.selected.id); },
      deleteSelected: () => canvas.deleteSelected(),
      zoom: (direction) => canvas.zoomStep(direction),
      fit: () => canvas.fitAll(),
    });
    const minimap = mountMinimap({
      root: document.getElementById('minimap'), toggleRoot: document.getElementById('zoom-controls'), canvas: document.getElementById('canvas'),
    }, {
      storage: window.localStorage,
      setViewport,
    });

    const participants = mountParticipants(document.getElementById('participants-panel'), {
      onUpdateSelf: (patch) => { if (!observer) session.dispatch({ type: Commands.participantUpdate, patch }); },
    });

    const statusBar = mountStatusBar(document.getElementById('topbar-status'), {
      now: () => session.clock.now(),
      announce: (text) => announcer.announce(text),
      playSound: () => playChime(),
      setSound: (on) => {
        ui.soundOn = on && enableSound();
        writeStorage(SOUND_KEY, ui.soundOn ? 'on' : 'off');
        requestRender();
      },
    });
    const steering = facilitator ? mountBoardSteering(document.getElementById('topbar-status'), {
      ...createSteering({ command: (fields) => session.request(fields), confirm, t }),
      now: () => session.clock.now(),
    }) : null;
    // A stored "on" needs a user gesture before audio may play: the first click anywhere.
    if (ui.soundOn) window.addEventListener('pointerdown', () => enableSound(), { once: true });

    const banners = mountBanners(document.getElementById('banners'), {
      stopFollowing: () => {
        ui.stoppedFollowing = session.view.settings?.follow ?? null;
        renderNow();
        canvas.focus();
      },
    });
    const updateBanner = mountUpdateBanner(document.getElementById('banners'), { reload: () => location.reload() });
    const votingPanel = mountVotingPanel(document.getElementById('voting-panel'));
    const sidePanel = mountSidePanel({
      layout: views.board,
      panel: document.getElementById('side-panel'),
      bar: document.getElementById('sheet-bar'),
      toolbar: document.getElementById('toolbar'),
      onPhone: [document.getElementById('topbar-status'), document.getElementById('banners')],
      announce: (text) => announcer.announce(text),
    });
    const roomBar = mountRoomBar(document.getElementById('topbar-room'), {
      enterRoom: (target) => { session.enterRoom(target); canvas.focus(); },
    });
    const roomPicker = mountRoomPicker(document.getElementById('room-picker'), {
      choose: (target) => session.request({ type: Commands.roomChoose, room: target }),
    });
    /** The room's name as shown (the plenary's in the UI language). */
    const nameOfRoom = (view, id) => roomName(view.rooms, id, t('rooms.plenary'));
    const voteActions = {
      vote: (noteId, delta) => {
        const round = openRound(session.view.rounds);
        if (!round || observer) return;
        session.request({ type: delta > 0 ? Commands.voteCast : Commands.voteRetract, round: round.id, note: noteId });
      },
    };

    const listView = mountListView(document.getElementById('list-view'), {
      createNote: (sectionId, text, color) => {
        const notes = session.view.notes.values();
        const size = { w: NOTE_SIZE.defaultW, h: NOTE_SIZE.defaultH };
        const section = sectionId ? session.view.sections.get(sectionId) : null;
        const spot = section ? spotInSection(section, size, notes) : spotOutsideSections(size);
        const id = randomId();
        dispatch({ type: Commands.noteCreate, note: { id, x: clampCoord(spot.x), y: clampCoord(spot.y), ...size, color, text } });
        return id;
      },
      saveNote: (id, patch) => dispatch({ type: Commands.noteUpdate, id, patch }),
      saveNoteText: (id, text, baseText) => noteWriting.save({ id, room: session.room, text, baseText }),
      writing: (id, text, baseText) => noteWriting.writing({ id, room: session.room, text, baseText }),
      writingDone: (id) => noteWriting.writingDone(id),
      moveNote: (id, sectionId) => {
        const note = session.view.notes.get(id);
        if (!note) return;
        const others = [...session.view.notes.values()].filter((other) => other.id !== id);
        const section = sectionId ? session.view.sections.get(sectionId) : null;
        const spot = section ? spotInSection(section, note, others) : spotOutsideSections(note, others);
        dispatch({ type: Commands.noteUpdate, id, patch: { x: clampCoord(spot.x), y: clampCoord(spot.y) } });
      },
      deleteNote: async (id) => {
        const note = session.view.notes.get(id);
        if (!note) return false;
        if (deletionNeedsConfirmation('note', note, session.view.notes.values()) && !(await askDeletion('note', note))) return false;
        dispatch({ type: Commands.noteDelete, id });
        return true;
      },
      vote: (id, delta) => voteActions.vote(id, delta),
    });

    /** A free place for a note whose centre lies in no section: right of all sections, beside other notes. */
    function spotOutsideSections(size, notes = session.view.notes.values()) {
      const sections = [...session.view.sections.values()];
      const right = sections.reduce((edge, s) => Math.max(edge, s.x + s.w), -Infinity);
      const centre = Number.isFinite(right)
        ? { x: right + 40 + size.w / 2, y: Math.min(...sections.map((s) => s.y)) + size.h / 2 }
        : canvas.centre();
      const spot = freeSpot(centre, size, [...notes, ...sections]);
      const box = { ...spot, w: size.w, h: size.h };
      return sectionOf(box, sections) ? { x: centre.x - size.w / 2, y: centre.y - size.h / 2 } : spot;
    }

    /** The canvas or the list, as this person chose last time. */
    const viewSwitch = document.querySelector('[data-part="view-switch"]');
    viewSwitch.hidden = false;
    let showingList = readStorage(BOARD_VIEW_KEY) === 'list';
    /** The room's notes as last compared for the change summary. */
    let seenNotes = null;
    let digestTimer = null;
    function showBoardView(list, moveFocus) {
      showingList = list;
      writeStorage(BOARD_VIEW_KEY, list ? 'list' : 'canvas');
      for (const button of viewSwitch.querySelectorAll('button')) {
        button.setAttribute('aria-pressed', String((button.dataset.view === 'list') === list));
      }
      // The canvas's tools (add at the view's middle, colour of the selection, zoom) have no
      // meaning in the list, which has its own buttons per section and note (list-view.css).
      for (const id of ['canvas', 'zoom-controls', 'add-note-fab']) document.getElementById(id).hidden = list;
      views.board.classList.toggle('is-list', list);
      seenNotes = null;
      digest.reset();
      listView.show(list);
      if (moveFocus) {
        if (list) listView.focus();
        else canvas.focus();
      }
    }
    for (const button of viewSwitch.querySelectorAll('button')) {
      button.addEventListener('click', () => showBoardView(button.dataset.view === 'list', true));
    }

    /** What others changed, summarised in the list view now and then (never per keystroke). */
    function noticeChanges(view) {
      if (!showingList || !session.synced) return;
      const now = Date.now();
      if (seenNotes) digest.observe(seenNotes, view.notes, view.sections.values(), participant.id, now);
      seenNotes = new Map(view.notes);
      const due = digest.dueAt();
      if (due !== null && digestTimer === null) {
        digestTimer = setTimeout(() => {
          digestTimer = null;
          const summary = digest.take(Date.now());
          if (summary) listView.announce(describeChanges(summary, session.view.participants));
          if (digest.dueAt() !== null) noticeChanges(session.view);
        }, Math.max(0, due - now));
      }
    }

    /** One sentence of what others did, e.g. "New notes: 3 (Anna, Ben). Changed: 1." */
    function describeChanges(summary, people) {
      const names = summary.authors.map((id) => people.get(id)?.name).filter(Boolean);
      const parts = [];
      if (summary.created) {
        parts.push(names.length ? t('listView.digest.createdBy', { count: summary.created, names: names.join(', ') })
          : t('listView.digest.created', { count: summary.created }));
      }
      if (summary.edited) parts.push(t('listView.digest.edited', { count: summary.edited }));
      if (summary.moved) parts.push(t('listView.digest.moved', { count: summary.moved }));
      if (summary.deleted) parts.push(t('listView.digest.deleted', { count: summary.deleted }));
      return parts.join(' ');
    }

    /** Spotlight, bring-to-view and follow: each applied once when it changes. */
    function applyFacilitation(view) {
      const settings = view.settings ?? {};
      const spotlight = settings.spotlight && settings.spotlight.room === session.room ? settings.spotlight.id : null;
      const spotlightKey = spotlight ? `${settings.spotlight.room}/${spotlight}` : null;
      if (spotlightKey !== ui.spotlightKey && (!spotlight || view.notes.has(spotlight))) {
        ui.spotlightKey = spotlightKey;
        if (spotlight) {
          // After this render, when the canvas knows the note.
          queueMicrotask(() => canvas.revealNote(spotlight));
          const text = (view.notes.get(spotlight)?.text ?? '').trim().replace(/\s+/g, ' ').slice(0, 80);
          announcer.announce(text ? t('spotlight.announce', { text }) : t('spotlight.announceEmpty'));
        }
      }

      const focusAt = settings.focus?.at ?? null;
      if (ui.focusAt === undefined) {
        // What was already there when the page opened is not news.
        if (session.synced) ui.focusAt = focusAt;
      } else if (focusAt !== ui.focusAt) {
        ui.focusAt = focusAt;
        if (focusAt !== null && settings.focus?.viewport) {
          const target = settings.focus.viewport;
          queueMicrotask(() => canvas.showShared(target));
          announcer.announce(t('focus.announce'));
        }
      }

      const follow = settings.follow ?? null;
      if (!follow) ui.stoppedFollowing = null;
      const followed = follow && follow !== participant.id && ui.stoppedFollowing !== follow ? follow : null;
      if (followed) {
        const seen = session.presence.viewports.get(followed);
        if (seen && seen.at !== ui.followedAt) {
          ui.followedAt = seen.at;
          queueMicrotask(() => canvas.showShared(seen));
        }
      }

      // Being followed: tell the others where I look, now and now and then (late joiners).
      const leading = facilitator && follow === participant.id;
      if (leading && !followHeartbeat) {
        session.sendViewport(canvas.sharedView(ui.viewport));
        followHeartbeat = setInterval(() => session.sendViewport(canvas.sharedView(ui.viewport)), FOLLOW_HEARTBEAT_MS);
      } else if (!leading && followHeartbeat) {
        clearInterval(followHeartbeat);
        followHeartbeat = null;
      }
      return followed;
    }

    function render() {
      const view = session.view;
      const title = view.board?.title ?? board?.title ?? '';
      shell.topbarState = { ...shell.topbarState, boardTitle: title, connectionState: session.connection };
      shell.renderTopbar();
      document.title = title ? t('page.boardTitleNamed', { title }) : t('page.boardTitle');
      if (ui.selected && !(ui.selected.kind === 'note' ? view.notes : view.sections).has(ui.selected.id)) ui.selected = null;
      const selectedNote = ui.selected?.kind === 'note' ? view.notes.get(ui.selected.id) : null;
      const settings = view.settings ?? {};
      const locked = settings.locked === true;
      readOnly = observer || (locked && !facilitator);
      // Open again: what was written meanwhile is saved now, as the author wrote it.
      if (!readOnly && drafts.size > 0) {
        for (const command of drafts.takeAll()) session.dispatch(command);
        announcer.announce(t('lock.draftsSaved'));
      }
      const shownNotes = drafts.overlay(view.notes, session.room);

      const followed = applyFacilitation(view);
      statusBar.update({
        t, timer: settings.timer ?? null, locked, soundOn: ui.soundOn,
        controlHref: facilitator ? `/b/${encodeURIComponent(boardId)}/facilitate` : null,
      });
      steering?.update({
        t, timer: settings.timer ?? null, locked, privateWriting: settings.privateWriting === true, rounds: view.rounds,
        room: session.room, roomCount: breakoutRooms(view.rooms).length, breakoutOpen: settings.breakout === 'open',
      });
      banners.update({
        t,
        broadcast: settings.broadcast ?? null,
        privateWriting: settings.privateWriting === true ? (facilitator ? 'facilitator' : 'participant') : null,
        following: followed ? { name: view.participants.get(followed)?.name ?? t('follow.someone') } : null,
      });
      updateBanner.update({ t });
      const keptDays = retentionDays(settings, retention);
      retentionNote.hidden = keptDays === null;
      if (keptDays !== null) {
        setText(retentionNote, t('board.retentionNote', { date: formatDate(deletionTime(Date.now(), keptDays), language()), days: keptDays }));
      }

      const open = openRound(view.rounds);
      const canVote = !observer;
      const mine = myVotes(session.voting, open);
      const shown = shownResults(settings, view.rounds);
      const scopeSections = open && Array.isArray(open.sections) ? open.sections : [];
      votingPanel.update({
        t,
        lang: language(),
        open,
        remainingVotes: mine.remaining,
        canVote,
        sectionTitles: scopeSections.map((id) => view.sections.get(id)?.title || t('section.untitled')),
        shown,
        notes: view.notes,
        participants: view.participants,
      });
      sidePanel.update({
        t,
        online: [...onTheBoard(view.participants).keys()].filter((id) => view.online.has(id)).length,
        dotsLeft: open && canVote ? mine.remaining : null,
      });
      addNoteButton.hidden = readOnly;
      toolbar.update({
        t,
        readOnly,
        selectedNote,
        hasSelection: Boolean(ui.selected),
        canDuplicate: canDuplicate(selectedNote),
        defaultColor: ui.defaultColor,
        zoomPercent: zoomPercent(ui.viewport),
      });
      const rooms = breakoutRooms(view.rooms);
      roomBar.update({
        t, room: session.room, roomName: nameOfRoom(view, session.room), rooms, canChoose: facilitator, plenaryName: t('rooms.plenary'),
      });
      const me = view.participants.get(participant.id);
      const members = membersByRoom(view.participants, view.rooms);
      roomPicker.update({
        t,
        visible: role === 'participant' && choosingRooms(settings, view.rooms),
        rooms,
        counts: new Map([...members].map(([id, list]) => [id, list.length])),
        mine: me?.room ?? null,
      });
      // People in the waiting room are not on the board yet: the facilitators see them in the control view.
      participants.update({ participants: onTheBoard(view.participants), online: view.online, selfId: participant.id, t, canSignal: !observer, canEditSelf: !observer });
      canvas.update({
        room: session.room,
        notes: shownNotes,
        sections: view.sections,
        participants: view.participants,
        selfId: participant.id,
        selected: ui.selected,
        viewport: ui.viewport,
        presence: session.presence,
        self: { id: participant.id, role },
        readOnly,
        spotlight: ui.spotlightKey ? ui.spotlightKey.split('/')[1] : null,
        voting: {
          canVote: open && canVote ? (note) => noteInScope(open, note, session.room) : null,
          mine: mine.mine,
          actions: voteActions,
          results: shown ? countsByNote(shown) : null,
        },
        t,
      });
      minimap.update({ notes: shownNotes, sections: view.sections, viewport: ui.viewport, t });
      if (fitWhenSynced && session.synced) {
        fitWhenSynced = false;
        canvas.fitAll({ unlessShown: true });
      }
      listView.update({
        t,
        roomName: nameOfRoom(view, session.room),
        notes: shownNotes,
        sections: view.sections,
        readOnly,
        defaultColor: ui.defaultColor,
        visibilityOf: (note) => noteVisibility(note, participant),
        writerNames: (id) => writerNames(session.presence, id, view.participants, t('note.someone')),
        participants: view.participants,
        voting: {
          canVote: open && canVote ? (note) => noteInScope(open, note, session.room) : null,
          mine: mine.mine,
          results: shown ? countsByNote(shown) : null,
        },
      });
      noticeChanges(view);
    }
    shell.renderPage = render;
    showBoardView(showingList, false);

    session.on('change', requestRender);
    session.on('state', requestRender);
    // Another room: a fresh canvas there, and say where we are now.
    session.on('room', ({ room: now, previous }) => {
      // A note being written when the rooms close is saved in the room it was begun in.
      canvas.finishEditing();
      ui.selected = null;
      ui.spotlightKey = null;
      ui.viewport = initialViewport();
      viewportChanged(ui.viewport);
      fitWhenSynced = true;
      seenNotes = null;
      digest.reset();
      const view = session.view;
      const name = nameOfRoom(view, now);
      if (now !== PLENARY_ROOM) announcer.announce(t('rooms.nowIn', { room: name }));
      else if (previous !== PLENARY_ROOM) announcer.announce(t('rooms.backInPlenary'));
      renderNow();
    });
    // A harvest of mine (from the control view) arriving while I look at the plenary: the canvas
    // jumps to its section unless it shows it already; the list stays as it is. Either way, said.
    session.on('roomEvent', (event) => {
      if (event.type !== Events.roomsHarvested || event.by !== participant.id || session.room !== PLENARY_ROOM) return;
      if (!showingList && event.section?.id) {
        queueMicrotask(() => {
          renderNow();
          canvas.revealSection(event.section.id);
        });
      }
      announcer.announce(t('rooms.harvestedHere', { room: event.roomName }));
    });
    session.on('refused', (refusal) => {
      const { command, code } = refusal;
      if (code === ErrorCodes.boardLocked && drafts.keep(command)) {
        // Said here; the locked board is no news beyond that.
        refusal.handled = true;
        tell(t('lock.draftKept'));
        requestRender();
      } else if (noteWriting.refused(refusal)) {
        refusal.handled = true;
      }
    });
    session.on('error', (code) => {
      if (code === ErrorCodes.boardGone) {
        boardGone();
        return;
      }
      if (updateBanner.take(code)) {
        requestRender();
      } else {
        toasts.show(t(errorKey(code), { code }));
      }
    });
    window.addEventListener('online', () => { shell.topbarState.offline = false; session.reconnectNow(); requestRender(); });
    window.addEventListener('offline', () => { shell.topbarState.offline = true; requestRender(); });
    window.addEventListener('pagehide', () => session.leave());
    session.start();
    render();
    viewportChanged(ui.viewport);
    if (showingList) listView.focus();
    else canvas.focus();
  }
}

main().catch((error) => {
  // Last resort: the page could not start (e.g. message catalogues unreachable).
  const fallback = document.getElementById('startup-error');
  if (fallback) fallback.hidden = false;
  console.error(error);
});
