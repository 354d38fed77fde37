// Entry point of /b/<boardId>/facilitate: the facilitators' control view. A client of the
// same protocol as the board page, with the same browser identity (the stored token);
// it has no canvas and sends no presence.
import { applyTranslations, errorMessageKey, initI18n, language, onLanguageChange, setLanguage, t } from './i18n.js';
import { ApiError, fetchSession } from './api/http.js';
import { boardIdFromFacilitatePath, createTokenStore } from './api/credentials.js';
import { createBoardSession } from './board/session.js';
import { mountTopbar } from './ui/topbar.js';
import { mountToasts } from './ui/toasts.js';
import { createConfirm } from './ui/confirm.js';
import { mountFacParticipants } from './ui/fac-participants.js';
import { mountFacTimer } from './ui/fac-timer.js';
import { mountFacBoard } from './ui/fac-board.js';
import { mountFacVoting } from './ui/fac-voting.js';
import { mountFacLinks } from './ui/fac-links.js';

const VIEW_KEY_PREFIX = 'werkraum.viewport.';

const views = {
  loading: document.getElementById('loading-view'),
  noAccess: document.getElementById('no-access-view'),
  control: document.getElementById('control-view'),
};

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
}

async function main() {
  await initI18n();
  const toasts = mountToasts(document.getElementById('toasts'), { t });
  let renderPage = () => {};
  const topbar = mountTopbar(document.querySelector('.topbar'), { onLanguage: (lang) => setLanguage(lang) });
  let topbarState = { boardTitle: '', connectionState: null, offline: !navigator.onLine };
  const renderTopbar = () => topbar.update({ ...topbarState, lang: language(), t });
  renderTopbar();
  onLanguageChange(() => {
    applyTranslations(document);
    renderTopbar();
    renderPage();
  });

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
      checkToken: () => fetchSession(boardId, entry.token).then(() => true, (error) => !(error instanceof ApiError && error.status === 401)),
      onUnauthorized: () => showView('noAccess'),
    });
    const room = session.room;
    const confirm = createConfirm(t);
    const ui = { links: null, linksNotice: null, linksLoading: false };

    const command = (fields) => session.request(fields);

    function loadLinks() {
      if (ui.linksLoading) return;
      ui.linksLoading = true;
      session.request({ type: 'links.get' }).then((reply) => {
        ui.linksLoading = false;
        if (reply.ok && reply.links) {
          ui.links = reply.links;
          requestRender();
        }
      });
    }

    const participants = mountFacParticipants(document.getElementById('fac-participants'), {
      remove: async (p) => {
        if (!p) return;
        if (await confirm(t('fac.participants.removeConfirm', { name: p.name }), t('fac.participants.remove'))) {
          command({ type: 'participant.remove', id: p.id });
        }
      },
    });
    const timer = mountFacTimer(document.getElementById('fac-timer'), { command, now: () => session.clock.now() });
    const boardControls = mountFacBoard(document.getElementById('fac-board'), {
      command,
      room,
      bring: () => {
        let viewport = null;
        try { viewport = JSON.parse(localStorage.getItem(VIEW_KEY_PREFIX + boardId) ?? 'null'); } catch { viewport = null; }
        if (!viewport || !Number.isFinite(viewport.x) || !Number.isFinite(viewport.y) || !Number.isFinite(viewport.zoom)) {
          toasts.show(t('fac.board.bringNoView'), 'info');
          return;
        }
        command({ type: 'view.bring', viewport: { x: viewport.x, y: viewport.y, zoom: viewport.zoom } }).then((reply) => {
          if (reply.ok) toasts.show(t('fac.board.bringDone'), 'info');
        });
      },
    });
    const voting = mountFacVoting(document.getElementById('fac-voting'), {
      command,
      room,
      closeRound: async (round) => {
        if (await confirm(t('fac.voting.closeConfirm', { title: round.title || t('voting.untitled') }), t('fac.voting.close'))) {
          command({ type: 'round.close', round: round.id });
        }
      },
    });
    const links = mountFacLinks(document.getElementById('fac-links'), {
      renew: async (kind) => {
        const name = t(`fac.links.${kind}`);
        if (!(await confirm(t('fac.links.renewConfirm', { kind: name }), t('fac.links.renew')))) return;
        const reply = await command({ type: 'links.renew', kind });
        if (reply.ok && reply.links) {
          ui.links = reply.links;
          ui.linksNotice = t('fac.links.renewed');
          requestRender();
        }
      },
    });

    let frame = 0;
    function requestRender() {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; render(); });
    }

    function render() {
      const view = session.view;
      const title = view.board?.title ?? boardInfo?.title ?? '';
      topbarState = { ...topbarState, boardTitle: title, connectionState: session.connection };
      renderTopbar();
      document.title = title ? t('page.facilitateTitleNamed', { title }) : t('page.facilitateTitle');
      const settings = view.settings ?? {};
      participants.update({ t, participants: view.participants, online: view.online, selfId: self.id });
      timer.update({ t, timer: settings.timer ?? null });
      boardControls.update({ t, settings, notes: view.notes, selfId: self.id });
      voting.update({
        t, rounds: view.rounds, sections: view.sections, notes: view.notes, participants: view.participants,
        settings, progress: session.voting.progress,
      });
      links.update({ t, links: ui.links, notice: ui.linksNotice });
      ui.linksNotice = null;
      if (!ui.links && session.synced && session.connection === 'open') loadLinks();
    }
    renderPage = render;

    session.on('change', requestRender);
    session.on('state', requestRender);
    session.on('error', (code) => toasts.show(t(errorMessageKey(code), { code })));
    window.addEventListener('online', () => { topbarState.offline = false; session.reconnectNow(); requestRender(); });
    window.addEventListener('offline', () => { topbarState.offline = true; requestRender(); });
    session.start();
    render();
  }
}

main().catch((error) => {
  const fallback = document.getElementById('startup-error');
  if (fallback) fallback.hidden = false;
  console.error(error);
});
