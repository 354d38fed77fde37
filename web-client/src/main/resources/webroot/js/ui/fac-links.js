// Control view: the participant and observer links, copy buttons, and "revoke and renew"
// (after a confirmation).
import { copyToClipboard, h, setAttr, setText } from './dom.js';

const KINDS = ['participant', 'observer'];

/** actions: renew(kind) */
export function mountFacLinks(root, actions) {
  const heading = h('h2', { id: 'fac-links-heading' });
  const loading = h('p', { className: 'hint' });
  const message = h('p', { className: 'fac-message', role: 'status' });
  const blocks = new Map();
  root.append(heading, loading);
  for (const kind of KINDS) {
    const title = h('h3');
    const hint = h('p', { className: 'hint' });
    const value = h('code', { className: 'link-value', 'data-testid': `fac-link-${kind}` });
    const copy = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'fac-link-copy', 'data-kind': kind });
    const renew = h('button', { type: 'button', className: 'button button--danger button--small', 'data-testid': 'fac-link-renew', 'data-kind': kind });
    copy.addEventListener('click', async () => {
      const ok = value.textContent ? await copyToClipboard(value.textContent) : false;
      setText(message, ok ? lastT('fac.links.copied') : lastT('fac.links.copyFailed'));
    });
    renew.addEventListener('click', () => actions.renew(kind));
    root.append(h('div', { className: 'link-block' }, [title, hint, h('div', { className: 'fac-link' }, [value, copy, renew])]));
    blocks.set(kind, { title, hint, value, copy, renew });
  }
  root.append(message);
  let lastT = (key) => key;

  return {
    /** {t, links: {participant, observer}|null, notice: text|null} */
    update({ t, links, notice }) {
      lastT = t;
      setText(heading, t('fac.links.heading'));
      loading.hidden = Boolean(links);
      setText(loading, t('fac.links.loading'));
      for (const [kind, block] of blocks) {
        const name = t(`fac.links.${kind}`);
        setText(block.title, name);
        setText(block.hint, t(`fac.links.${kind}Hint`));
        // The server may answer with paths; people share full addresses.
        setText(block.value, links?.[kind] ? new URL(links[kind], location.origin).href : '');
        setText(block.copy, t('fac.links.copy'));
        setAttr(block.copy, 'aria-label', t('fac.links.copyLabel', { kind: name }));
        block.copy.disabled = !links?.[kind];
        setText(block.renew, t('fac.links.renew'));
        setAttr(block.renew, 'aria-label', t('fac.links.renewLabel', { kind: name }));
        block.renew.disabled = !links;
      }
      if (notice) setText(message, notice);
    },
  };
}
