// Where the side panel (voting, participants, and on phones the timer and messages) lives on
// each screen size: a column beside the board on laptops, a drawer over the board on tablets
// (one toggle in the toolbar), a bottom sheet on phones, opened from a bar of buttons, one per
// part. Drawer and sheet close with their close button and Escape; focus goes into the panel
// when it opens and back to the button that opened it when it closes. The panel is never modal.
import { h, setAttr, setText } from './dom.js';

/** The same breakpoints as css/layout-small.css. */
const PHONE = '(max-width: 600px)';
const TABLET = '(min-width: 601px) and (max-width: 1024px)';
/** Laptops and wider: the side panel beside the board. */
export const PANEL_BESIDE = '(min-width: 1025px)';
/** The sheet's parts, in the bar's order. */
const PARTS = ['people', 'voting', 'status'];

/**
 * layout: the board view (its data-panel says what is open); panel: the aside with one element
 * per part ([data-part]); bar: the phone's bar; toolbar: where the tablet's toggle goes;
 * onPhone: the elements that move into the sheet's "status" part on phones (timer, messages);
 * announce(text): says a new message aloud while the sheet hides it.
 */
export function mountSidePanel({ layout, panel, bar, toolbar, onPhone, announce }) {
  const parts = new Map(PARTS.map((name) => [name, panel.querySelector(`[data-part="${name}"]`)]));
  const homes = onPhone.map((el) => ({ el, parent: el.parentNode, next: el.nextSibling }));
  const closeButton = panel.querySelector('.panel__close');
  const title = panel.querySelector('.panel__title');

  const tabs = new Map(PARTS.map((name) => {
    const label = h('span', { className: 'sheet-bar__label' });
    const badge = h('span', { className: 'sheet-bar__badge', 'data-testid': `sheet-badge-${name}`, hidden: true });
    // Words for what a bare number means, for screen readers.
    const badgeHint = h('span', { className: 'visually-hidden' });
    const button = h('button', {
      type: 'button', className: 'sheet-bar__button', id: `sheet-tab-${name}`, 'data-testid': `sheet-tab-${name}`,
      'aria-controls': parts.get(name).id, 'aria-expanded': 'false',
    }, [label, badge, badgeHint]);
    button.addEventListener('click', () => (open === name ? close() : show(name)));
    return [name, { button, label, badge, badgeHint }];
  }));
  bar.append(...[...tabs.values()].map((tab) => tab.button));

  const drawerToggle = h('button', {
    type: 'button', className: 'button button--secondary drawer-toggle', 'data-testid': 'drawer-toggle',
    'aria-controls': panel.id, 'aria-expanded': 'false',
  });
  drawerToggle.addEventListener('click', () => (open ? close() : show('all')));
  toolbar.append(drawerToggle);

  const phone = window.matchMedia(PHONE);
  const tablet = window.matchMedia(TABLET);
  /** 'phone', 'tablet' or 'wide'. */
  let size = null;
  /** What is open: null, a part on phones, 'all' (the drawer) on tablets. */
  let open = null;

  function place() {
    const next = phone.matches ? 'phone' : tablet.matches ? 'tablet' : 'wide';
    if (next === size) return;
    size = next;
    open = null;
    // Timer and messages join the sheet on phones; elsewhere they are back where the page put them.
    if (size === 'phone') {
      parts.get('status').append(...onPhone);
    } else {
      for (const { el, parent, next: before } of homes) parent.insertBefore(el, before && before.parentNode === parent ? before : null);
    }
    for (const [name, part] of parts) {
      // A region named by its button only where the parts are shown one at a time.
      setAttr(part, 'role', size === 'phone' ? 'region' : null);
      setAttr(part, 'aria-labelledby', size === 'phone' ? tabs.get(name).button.id : null);
      setAttr(part, 'tabindex', size === 'phone' ? '-1' : null);
    }
    // Beside the board (and as a drawer) its list may scroll (thirty people and more): keyboard
    // users reach it to scroll it too. On a phone each part of the sheet is focused instead.
    setAttr(panel, 'tabindex', size === 'phone' ? null : '0');
    reflect();
  }

  function reflect() {
    setAttr(layout, 'data-panel', open ?? 'closed');
    for (const [name, tab] of tabs) setAttr(tab.button, 'aria-expanded', String(open === name));
    setAttr(drawerToggle, 'aria-expanded', String(open === 'all'));
    // The sheet says which part it shows; the drawer shows them all, under their own headings.
    setText(title, open && open !== 'all' ? tabs.get(open).label.textContent : '');
  }

  function show(what) {
    if (size === 'wide') return;
    open = what;
    reflect();
    // Into the panel, so a screen reader reads what opened and Tab goes on inside it.
    (what === 'all' ? panel : parts.get(what)).focus({ preventScroll: true });
  }

  function close() {
    if (!open) return;
    // Back to the button that opened it.
    const opener = open === 'all' ? drawerToggle : tabs.get(open).button;
    open = null;
    reflect();
    opener.focus({ preventScroll: true });
  }

  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });
  phone.addEventListener('change', place);
  tablet.addEventListener('change', place);
  place();

  let lastT = null;
  /** The texts of the messages shown, to tell a new one. */
  let messagesSeen = new Set();
  /** The status part at a glance: the time left while a timer shows, else how many messages there are. */
  function showStatusBadge() {
    if (!lastT) return;
    const timer = onPhone.map((el) => el.querySelector('.timer:not([hidden]) .timer__time')).find(Boolean);
    const messages = onPhone.flatMap((el) => [...el.querySelectorAll('.banner:not([hidden])')])
      .map((banner) => (banner.querySelector('.banner__body, .banner__text') ?? banner).textContent.trim());
    showBadge('status', timer?.textContent || (messages.length > 0 ? lastT('board.mobile.messages', { count: messages.length }) : ''));
    // A message's own live region is silent inside the closed sheet.
    if (size === 'phone' && open !== 'status') {
      for (const text of messages) if (text && !messagesSeen.has(text)) announce(text);
    }
    messagesSeen = new Set(messages);
  }
  function showBadge(name, text, hint = '') {
    const { badge, badgeHint } = tabs.get(name);
    setText(badge, text);
    badge.hidden = !text;
    setText(badgeHint, text && hint ? ` ${hint}` : '');
  }
  // The timer ticks on its own, between renders of the page.
  const watcher = new MutationObserver(showStatusBadge);
  for (const el of onPhone) watcher.observe(el, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });

  return {
    /** Labels, and what the parts hold at a glance: people online, dots left in the open round. */
    update({ t, online, dotsLeft }) {
      lastT = t;
      setText(tabs.get('people').label, t('board.mobile.people'));
      setText(tabs.get('voting').label, t('board.mobile.voting'));
      setText(tabs.get('status').label, t('board.mobile.status'));
      showBadge('people', String(online), t('participants.online'));
      showBadge('voting', dotsLeft === null ? '' : t('board.mobile.dotsLeft', { count: dotsLeft }));
      showStatusBadge();
      setText(drawerToggle, t('board.mobile.drawer'));
      setText(closeButton, t('board.mobile.close'));
      reflect();
    },
  };
}
