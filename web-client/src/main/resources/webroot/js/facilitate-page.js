// Entry point of /b/<boardId>/facilitate: the facilitators' control view. A client of the
// same protocol as the board page, with the same browser identity (the stored token);
// it has no canvas and sends no presence.
import { mountPageShell } from './ui/page-shell.js';
import { errorMessageKey, language, t } from './i18n.js';
import {
  ApiError, createBoardFromSnapshot, downloadAudit, downloadExport, fetchAudit, fetchOwners, fetchPrivacy, fetchSession,
  fetchTicket, saveAsTemplate,
} from './api/http.js';
import { rememberForSignIn, signInHref } from './api/sign-in.js';
import { boardIdFromFacilitatePath, createTokenStore, snapshotPagePath } from './api/credentials.js';
import { createBoardSession } from './board/session.js';
import { createConfirm } from './ui/confirm.js';
import { createSteering } from './ui/steering-commands.js';
import { createEraseDialog } from './ui/erase-dialog.js';
import { mountFacParticipants } from './ui/fac-participants.js';
import { mountFacTimer } from './ui/fac-timer.js';
import { mountFacBoard } from './ui/fac-board.js';
import { mountFacOwners } from './ui/fac-owners.js';
import { mountFacVoting } from './ui/fac-voting.js';
import { mountFacLinks } from './ui/fac-links.js';
import { mountFacRooms } from './ui/fac-rooms.js';
import { mountFacResult } from './ui/fac-result.js';
import { mountFacPrivacy } from './ui/fac-privacy.js';
import { mountFacAudit } from './ui/fac-audit.js';
import { mountFacNow } from './ui/fac-now.js';
import { mountFacPhases } from './ui/fac-phases.js';
import { saveFile } from './ui/dom.js';
import { randomId } from './ids.js';
import { breakoutRooms, membersByRoom } from './state/rooms.js';
import { applyRoomPoll, createRoomWatch, watchCommand } from './state/room-overview.js';
import { formatDateTime } from './state/snapshots.js';
import { createOwnTemplates } from './state/own-templates.js';
import { NAME_MAX } from './state/limits.js';
import { plenaryViewCentre, storedView } from './state/stored-view.js';
import { Commands, ErrorCodes, Events } from './protocol.js';
import { mountUpdateBanner } from './ui/update-banner.js';

/** How often each breakout room is polled for the overview (activity, thumbnail). */
const ROOM_POLL_MS = 5000;

const views = {
  loading: document.getElementById('loading-view'),
  noAccess: document.getElementById('no-access-view'),
  signIn: document.getElementById('sign-in-view'),
  control: document.getElementById('control-view'),
  gone: document.getElementById('gone-view'),
};

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
}

async function main() {
  const shell = await mountPageShell();
  const { toasts } = shell;

  const boardId = boardIdFromFacilitatePath(location.pathname);
  const boardHref = boardId ? `/b/${encodeURIComponent(boardId)}` : '/';
  document.getElementById('back-to-board').setAttribute('href', boardHref);
  const toBoard = document.getElementById('to-board');
  toBoard.setAttribute('href', boardHref);

  const entry = boardId ? createTokenStore(window.localStorage).load(boardId) : null;
  if (!entry || entry.role !== 'facilitator') {
    showView('noAccess');
    return;
  }
  let participant = entry.participant;
  let board = entry.board;
  try {
    const info = await fetchSession(boardId, entry.token);
    participant = info.participant ?? participant;
    board = info.board ?? board;
  } catch (error) {
    if (error instanceof ApiError && error.code === ErrorCodes.boardGone) {
      createTokenStore(window.localStorage).forget(boardId);
      showView('gone');
      return;
    }
    if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
      showView('noAccess');
      return;
    }
    // Server unreachable: start anyway; the connection retries and shows its state.
  }
  if (!participant?.id || participant.role !== 'facilitator') {
    showView('noAccess');
    return;
  }
  run(participant, board);

  function run(self, boardInfo) {
    showView('control');
    toBoard.hidden = false;
    const session = createBoardSession({
      boardId,
      token: entry.token,
      self,
      location: window.location,
      facilitatorFeed: true,
      sendsPresence: false,
      followsRoom: false,
      checkToken: () => fetchSession(boardId, entry.token).then(() => true, (error) => {
        if (error instanceof ApiError && error.code === ErrorCodes.boardGone) {
          boardGone();
          return true;
        }
        return !(error instanceof ApiError && error.status === 401);
      }),
      onUnauthorized: () => showView('noAccess'),
      ticketFor: () => fetchTicket(boardId, entry.token).then((answer) => answer.ticket, (error) => {
        // Facilitators must sign in now: sign in and join anew through the board page.
        if (error instanceof ApiError && error.code === ErrorCodes.signInRequired) {
          session.stop();
          createTokenStore(window.localStorage).forget(boardId);
          const link = document.querySelector('[data-testid="board-sign-in"]');
          link.href = signInHref(boardHref);
          link.onclick = () => { if (entry.credential) rememberForSignIn(window.sessionStorage, boardId, entry.credential); };
          showView('signIn');
          toBoard.hidden = true;
        }
        throw error;
      }),
    });
    const room = session.room;
    const confirm = createConfirm(t);
    const askErase = createEraseDialog(t);
    /** linksAgain: the links changed while they were being read: read them once more. */
    const ui = { links: null, linksNotice: null, linksLoading: false, linksAgain: false };

    const command = (fields) => session.request(fields);
    const steering = createSteering({ command, confirm, t });
    /** A refused or failed HTTP call, as a toast in the UI language. */
    const showFailure = (error) => {
      const code = error instanceof ApiError ? error.code : 'network';
      toasts.show(t(errorMessageKey(code), { code }));
    };

    function loadLinks() {
      if (ui.linksLoading) {
        ui.linksAgain = true;
        return;
      }
      ui.linksLoading = true;
      session.request({ type: Commands.linksGet }).then((reply) => {
        ui.linksLoading = false;
        if (reply.ok && reply.links) {
          ui.links = reply.links;
          requestRender();
        }
        if (ui.linksAgain) {
          ui.linksAgain = false;
          loadLinks();
        }
      });
    }

    /** links.renewed {kind, by}: a link was renewed, maybe in another control view; show the new one. */
    function onBoardEvent(event) {
      if (event.type === Events.participantJoined) loadOwners();
      if (event.type !== Events.linksRenewed) return;
      if (event.by !== self.id && (event.kind === 'participant' || event.kind === 'observer')) {
        ui.linksNotice = t('fac.links.renewedElsewhere', { kind: t(`fac.links.${event.kind}`) });
      }
      loadLinks();
    }

    /** Polled copies of the breakout rooms: room id -> watch. One poll at a time covers every room. */
    const watches = new Map();
    const poll = { running: false, again: false };

    function pollRooms() {
      if (session.connection !== 'open' || !session.synced) return;
      if (poll.running) {
        poll.again = true; // a room appeared meanwhile: poll once more when this one is back
        return;
      }
      const ids = breakoutRooms(session.view.rooms).map((room) => room.id);
      if (ids.length === 0) return;
      for (const id of ids) if (!watches.has(id)) watches.set(id, createRoomWatch());
      poll.running = true;
      session.request(watchCommand(watches, ids), { quiet: true }).then((reply) => {
        poll.running = false;
        if (reply.ok) {
          for (const [id, part] of Object.entries(reply.rooms ?? {})) {
            const watch = watches.get(id);
            if (watch) applyRoomPoll(watch, part, Date.now());
          }
          requestRender();
        }
        if (poll.again) {
          poll.again = false;
          pollRooms();
        }
      });
    }
    const pollTimer = setInterval(pollRooms, ROOM_POLL_MS);
    window.addEventListener('pagehide', () => clearInterval(pollTimer));

    const phases = mountFacPhases(document.querySelector('[role="tablist"][data-testid="fac-phases"]'));
    const live = mountFacNow(document.getElementById('fac-now'), {
      command,
      steering,
      now: () => session.clock.now(),
      show: (phase, focus) => phases.show(phase, focus),
    });
    const participants = mountFacParticipants(document.getElementById('fac-participants'), {
      remove: async (p) => {
        if (!p) return;
        if (p.waiting === true) {
          // Turned away from the waiting room: nothing of them is kept (erased, not only removed).
          command({ type: Commands.participantErase, id: p.id, notes: 'delete' });
          return;
        }
        if (await confirm(t('fac.participants.removeConfirm', { name: p.name }), t('fac.participants.remove'))) {
          command({ type: Commands.participantRemove, id: p.id });
        }
      },
      move: (p, target) => {
        if (p) command({ type: Commands.participantMove, id: p.id, room: target });
      },
      admit: (p) => {
        if (p) command({ type: Commands.participantAdmit, id: p.id });
      },
      erase: async (p) => {
        if (!p) return;
        const notes = await askErase({ self: p.id === self.id, name: p.name });
        if (!notes) return;
        const reply = await command({ type: Commands.participantErase, id: p.id, notes });
        if (reply.ok) toasts.show(t('fac.participants.erased', { name: p.name }), 'info');
      },
    });
    const rooms = mountFacRooms(document.getElementById('fac-rooms'), {
      create: ({ names, templateSection }) => {
        const body = { type: Commands.roomsCreate, rooms: names.map((name) => ({ id: randomId(10), name })) };
        if (templateSection) body.templateSection = templateSection;
        return command(body).then((reply) => {
          if (reply.ok) toasts.show(t('fac.rooms.created', { count: names.length }), 'info');
          return reply.ok;
        });
      },
      assign: (mode) => {
        const body = { type: Commands.roomsAssign, mode };
        if (mode === 'manual') {
          // The rooms as set in the participants table.
          body.assignments = Object.fromEntries([...session.view.participants.values()]
            .filter((p) => (p.role ?? 'participant') === 'participant')
            .map((p) => [p.id, p.room ?? null]));
        }
        return command(body).then((reply) => {
          if (reply.ok) toasts.show(t('fac.rooms.assigned'), 'info');
        });
      },
      open: () => steering.openRooms(),
      close: () => steering.closeRooms(),
      harvest: async (room) => {
        if (!room) return;
        const name = room.name || room.id;
        const openNow = session.view.settings?.breakout === 'open';
        const text = t(openNow ? 'fac.rooms.harvestConfirmOpen' : 'fac.rooms.harvestConfirm', { room: name });
        if (await confirm(text, t('fac.rooms.harvest'))) {
          // The section lands where I last looked at the plenary on the board page, if I did.
          const near = plenaryViewCentre(window.localStorage, boardId);
          const reply = await command({ type: Commands.roomsHarvest, room: room.id, ...(near ? { near } : {}) });
          if (reply.ok) toasts.show(t('fac.rooms.harvested', { room: name }), 'info');
        }
      },
      reveal: async (roomId) => {
        const reply = await steering.reveal(roomId);
        if (reply.ok) toasts.show(t('fac.rooms.revealed'), 'info');
      },
      setPrivate: (on) => command({ type: Commands.privateSet, on }),
      enterHref: (roomId) => `/b/${encodeURIComponent(boardId)}#room=${encodeURIComponent(roomId)}`,
    });
    const timer = mountFacTimer(document.getElementById('fac-timer'), { steering, now: () => session.clock.now() });
    const boardControls = mountFacBoard(document.getElementById('fac-board'), {
      command,
      steering,
      room,
      bring: () => {
        const viewport = storedView(window.localStorage, boardId);
        if (!viewport) {
          toasts.show(t('fac.board.bringNoView'), 'info');
          return;
        }
        command({ type: Commands.viewBring, viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } }).then((reply) => {
          if (reply.ok) toasts.show(t('fac.board.bringDone'), 'info');
        });
      },
    });
    const voting = mountFacVoting(document.getElementById('fac-voting'), { steering, room });
    const links = mountFacLinks(document.getElementById('fac-links'), {
      renew: async (kind) => {
        const name = t(`fac.links.${kind}`);
        if (!(await confirm(t('fac.links.renewConfirm', { kind: name }), t('fac.links.renew')))) return;
        const reply = await command({ type: Commands.linksRenew, kind });
        if (reply.ok && reply.links) {
          ui.links = reply.links;
          ui.linksNotice = t('fac.links.renewed');
          requestRender();
        }
      },
    });
    const result = mountFacResult(document.getElementById('fac-result'), {
      takeSnapshot: async (name) => {
        // The server wants a name: without one, the snapshot is named after the moment.
        const chosen = (name || t('snapshots.defaultName', { time: formatDateTime(Date.now(), language()) })).slice(0, NAME_MAX);
        const reply = await command({ type: Commands.snapshotTake, name: chosen });
        if (reply.ok) toasts.show(t('fac.result.taken', { name: chosen }), 'info');
        return reply.ok === true;
      },
      download: async ({ format, room, snapshot }) => {
        try {
          const file = await downloadExport(boardId, entry.token, format, { room, snapshot, lang: language() });
          saveFile(file.blob, file.fileName);
          return file.fileName;
        } catch (error) {
          showFailure(error);
          return null;
        }
      },
      newBoard: async (snapshotId) => {
        try {
          const created = await createBoardFromSnapshot(boardId, entry.token, snapshotId);
          return new URL(created.facilitatorLink, location.origin).href;
        } catch (error) {
          showFailure(error);
          return null;
        }
      },
      readOnlyHref: (snapshotId) => snapshotPagePath(boardId, snapshotId),
      saveTemplate: async ({ name, notes }) => {
        try {
          const saved = await saveAsTemplate(boardId, entry.token, { name, notes });
          // The server lists templates to nobody: this browser keeps the id and the owner key.
          createOwnTemplates(window.localStorage).add({ id: saved.id, name: saved.name ?? name, ownerKey: saved.ownerKey, savedAt: Date.now() });
          return true;
        } catch (error) {
          showFailure(error);
          return false;
        }
      },
    });

    /** The instance's retention settings, read once. */
    let retention = null;
    fetchPrivacy().then((facts) => {
      retention = facts.retention ?? null;
      requestRender();
    }, () => {});
    const privacy = mountFacPrivacy(document.getElementById('fac-privacy'), {
      keep: async (days) => {
        const body = { type: Commands.boardRetention };
        if (days !== null) body.days = days;
        const reply = await command(body);
        if (reply.ok) toasts.show(t('fac.privacy.saved'), 'info');
      },
      waitingRoom: (on) => command({ type: Commands.boardAdmission, waiting: on }),
      protect: async (passphrase) => {
        const body = { type: Commands.boardProtect };
        if (passphrase !== null) body.passphrase = passphrase;
        const reply = await command(body);
        if (reply.ok) toasts.show(t(passphrase === null ? 'fac.privacy.passphraseRemoved' : 'fac.privacy.passphraseSaved'), 'info');
        return reply.ok === true;
      },
      remove: async () => {
        const title = session.view.board?.title ?? boardInfo?.title ?? '';
        if (!(await confirm(t('fac.privacy.deleteConfirm', { title }), t('fac.privacy.delete')))) return;
        const reply = await command({ type: Commands.boardDelete });
        if (reply.ok) boardGone();
      },
    });
    const audit = mountFacAudit(document.getElementById('fac-audit'), {
      load: () => fetchAudit(boardId, entry.token).catch((error) => {
        showFailure(error);
        throw error;
      }),
      download: async () => {
        try {
          const file = await downloadAudit(boardId, entry.token, language());
          saveFile(file.blob, file.fileName);
        } catch (error) {
          showFailure(error);
        }
      },
    });
    audit.load();

    /** The board no longer exists: deleted here, elsewhere, or past its retention. */
    function boardGone() {
      session.stop();
      createTokenStore(window.localStorage).forget(boardId);
      toBoard.hidden = true;
      showView('gone');
    }
    const owners = mountFacOwners(document.getElementById('fac-owners'), { command });
    /** The owners as last read: {owners, mine}; read again when someone joins (a signed-in facilitator becomes one). */
    let ownership = { owners: null, mine: false };
    function loadOwners() {
      fetchOwners(boardId, entry.token).then((found) => {
        ownership = { owners: found.owners ?? [], mine: found.mine === true };
        requestRender();
      }, () => { /* shown as unknown; read again with the next join */ });
    }
    loadOwners();

    const updateBanner = mountUpdateBanner(document.getElementById('update-banner'), { reload: () => location.reload() });

    let frame = 0;
    function requestRender() {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
    }

    function render() {
      const view = session.view;
      const title = view.board?.title ?? boardInfo?.title ?? '';
      shell.topbarState = { ...shell.topbarState, boardTitle: title, connectionState: session.connection };
      shell.renderTopbar();
      document.title = title ? t('page.facilitateTitleNamed', { title }) : t('page.facilitateTitle');
      const settings = view.settings ?? {};
      const breakout = breakoutRooms(view.rooms);
      const members = membersByRoom(view.participants, view.rooms);
      live.update({
        t, participants: view.participants, online: view.online, settings, rounds: view.rounds,
        progress: session.voting.progress, rooms: breakout, members, watches,
      });
      participants.update({ t, participants: view.participants, online: view.online, selfId: self.id, rooms: breakout });
      rooms.update({ t, settings, rooms: breakout, sections: view.sections, online: view.online, watches, members });
      // A room not polled yet (new, or the view just opened): at once, not in five seconds.
      if (breakout.some((r) => !watches.has(r.id))) queueMicrotask(pollRooms);
      timer.update({ t, timer: settings.timer ?? null });
      boardControls.update({ t, settings, notes: view.notes, selfId: self.id });
      owners.update({ t, settings, ...ownership });
      voting.update({
        t, rounds: view.rounds, sections: view.sections, notes: view.notes, participants: view.participants,
        settings, progress: session.voting.progress,
      });
      result.update({ t, lang: language(), snapshots: view.snapshots, rooms: view.rooms, zone: boardInfo?.timeZone ?? null });
      updateBanner.update({ t });
      links.update({ t, links: ui.links, notice: ui.linksNotice });
      privacy.update({ t, lang: language(), settings, retention, now: Date.now() });
      audit.update({ t, lang: language(), participants: view.participants });
      ui.linksNotice = null;
      if (!ui.links && session.synced && session.connection === 'open') loadLinks();
    }
    shell.renderPage = render;

    session.on('change', requestRender);
    session.on('state', requestRender);
    session.on('event', onBoardEvent);
    session.on('error', (code) => {
      if (code === ErrorCodes.boardGone) {
        boardGone();
        return;
      }
      if (updateBanner.take(code)) {
        requestRender();
      } else {
        toasts.show(t(errorMessageKey(code), { code }));
      }
    });
    window.addEventListener('online', () => { shell.topbarState.offline = false; session.reconnectNow(); requestRender(); });
    window.addEventListener('offline', () => { shell.topbarState.offline = true; requestRender(); });
    session.start();
    render();
  }
}

main().catch((error) => {
  const fallback = document.getElementById('startup-error');
  if (fallback) fallback.hidden = false;
  console.error(error);
});
