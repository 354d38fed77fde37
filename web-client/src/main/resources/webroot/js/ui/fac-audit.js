// Control view: the board's audit log. Who did what when (facilitator actions, exports,
// refused connections), without anything people wrote; newest first; as CSV to keep.
import { h, setText } from './dom.js';
import { formatDateTime } from '../state/snapshots.js';

/** actions: load() -> Promise<{entries, keptDays}>, download() */
export function mountFacAudit(root, actions) {
  const heading = h('h2', { id: 'fac-audit-heading' });
  const hint = h('p', { className: 'hint' });
  const refresh = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-audit-refresh' });
  const download = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-audit-download' });
  const caption = h('caption', { className: 'visually-hidden' });
  const headTime = h('th', { scope: 'col' });
  const headWho = h('th', { scope: 'col' });
  const headWhat = h('th', { scope: 'col' });
  const body = h('tbody');
  const table = h('table', { className: 'fac-table', 'data-testid': 'fac-audit-table' }, [
    caption, h('thead', {}, [h('tr', {}, [headTime, headWho, headWhat])]), body,
  ]);
  const empty = h('p', { className: 'muted', 'data-testid': 'fac-audit-empty' });
  const status = h('p', { className: 'visually-hidden', role: 'status' });
  const scroller = h('div', { className: 'fac-table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'fac-audit-heading' }, [table]);
  root.append(heading, hint, h('div', { className: 'fac-row' }, [refresh, download]), scroller, empty, status);

  let model = null;
  let log = null;
  let loading = false;

  async function load() {
    if (loading) return;
    loading = true;
    try {
      log = await actions.load();
      if (model) setText(status, model.t('fac.audit.loaded', { count: log.entries.length }));
    } catch {
      // The page shows the failure as a toast; the list keeps what it had.
    } finally {
      loading = false;
      if (model) render();
    }
  }
  refresh.addEventListener('click', load);
  download.addEventListener('click', () => actions.download());

  function who(entry) {
    const { t } = model;
    if (entry.role === 'system') return t('fac.audit.system');
    if (!entry.actor) return t(`fac.audit.roles.${entry.role}`);
    const name = entry.name ?? model.participants.get(entry.actor)?.name;
    return name ? `${name} (${t(`fac.audit.roles.${entry.role}`)})` : t('fac.audit.gonePerson', { id: entry.actor });
  }

  function what(entry) {
    const { t } = model;
    const label = t(`fac.audit.actions.${entry.action.replace('.', '_')}`);
    const details = entry.details ?? {};
    const parts = Object.keys(details).sort().map((key) => {
      const value = key === 'participant' ? (model.participants.get(details[key])?.name ?? details[key]) : details[key];
      return `${t(`fac.audit.details.${key}`)}: ${value}`;
    });
    return parts.length ? `${label} (${parts.join(', ')})` : label;
  }

  function render() {
    const { t, lang } = model;
    const entries = log?.entries ?? [];
    body.replaceChildren(...entries.map((entry) => h('tr', {}, [
      h('td', { text: formatDateTime(entry.at, lang) }), h('td', { text: who(entry) }), h('td', { text: what(entry) }),
    ])));
    table.hidden = entries.length === 0;
    empty.hidden = entries.length > 0 || log === null;
    setText(empty, t('fac.audit.empty'));
    setText(hint, log ? t('fac.audit.hint', { days: log.keptDays }) : t('fac.audit.hintLoading'));
  }

  return {
    load,
    update(next) {
      model = next;
      const { t } = next;
      setText(heading, t('fac.audit.heading'));
      setText(refresh, t('fac.audit.refresh'));
      setText(download, t('fac.audit.download'));
      setText(caption, t('fac.audit.heading'));
      setText(headTime, t('fac.audit.time'));
      setText(headWho, t('fac.audit.who'));
      setText(headWhat, t('fac.audit.what'));
      render();
    },
  };
}
