// Control view: the phases of a workshop as tabs (the WAI-ARIA tabs pattern): one tab stop,
// arrow keys move to the previous or next phase and show it at once, Home and End to the first
// and last. The phase shown is kept in the address (#phase=vote), so a reload shows it again.
import { setAttr } from './dom.js';

const HASH_KEY = 'phase';

/** tablist: the element with role=tablist whose [role=tab] buttons control the panels they name. */
export function mountFacPhases(tablist) {
  const tabs = [...tablist.querySelectorAll('[role="tab"]')];
  const panelOf = (tab) => document.getElementById(tab.getAttribute('aria-controls'));
  const names = tabs.map((tab) => tab.dataset.phase);

  function select(tab, { focus = false } = {}) {
    for (const other of tabs) {
      const selected = other === tab;
      setAttr(other, 'aria-selected', String(selected));
      setAttr(other, 'tabindex', selected ? '0' : '-1');
      panelOf(other).hidden = !selected;
    }
    if (focus) tab.focus();
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    params.set(HASH_KEY, tab.dataset.phase);
    // Replaced, not pushed: switching phases does not fill the browser's history.
    history.replaceState(history.state, '', `#${params}`);
  }

  tablist.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab);
  });
  tablist.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(document.activeElement);
    if (index < 0) return;
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next], { focus: true });
  });

  const asked = new URLSearchParams(location.hash.replace(/^#/, '')).get(HASH_KEY);
  select(tabs[Math.max(0, names.indexOf(asked))]);

  return {
    /** Shows a phase; `focus`: a selector of what to focus in it (else its tab keeps the focus where it was). */
    show(phase, focus = null) {
      const tab = tabs[names.indexOf(phase)];
      if (!tab) return;
      select(tab);
      if (focus) panelOf(tab).querySelector(focus)?.focus();
    },
  };
}
