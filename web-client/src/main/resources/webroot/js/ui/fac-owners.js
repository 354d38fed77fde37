// Control view: who is responsible for the board (the owners: people signed in through the
// instance's identity provider when they created it or joined as facilitators) and whether its
// facilitators must sign in, which only an owner switches.
import { h, setAttr, setText } from './dom.js';
import { Commands } from '../protocol.js';

/** actions: command(fields) */
export function mountFacOwners(root, actions) {
  const heading = h('h2', { id: 'fac-owners-heading' });
  const list = h('p', { className: 'fac-status', 'data-testid': 'fac-owners-list' });
  const toggle = h('button', {
    type: 'button', className: 'button button--small signal-toggle', 'data-testid': 'fac-sign-in-required',
    'aria-pressed': 'false', 'aria-describedby': 'fac-sign-in-hint',
  });
  const hint = h('p', { className: 'hint', id: 'fac-sign-in-hint', 'aria-live': 'polite' });
  root.append(heading, list, h('div', { className: 'fac-row' }, [toggle]), hint);

  let model = null;
  toggle.addEventListener('click', () => {
    if (model?.mine) actions.command({ type: Commands.boardSignin, required: model.settings.facilitatorSignIn !== true });
  });

  return {
    /** owners: [{name, email}] or null while unknown; mine: this facilitator is an owner. */
    update(next) {
      model = next;
      const { t, owners, mine, settings } = next;
      setText(heading, t('fac.owners.heading'));
      const names = (owners ?? []).map((owner) => (owner.name && owner.email ? `${owner.name} (${owner.email})` : owner.name ?? owner.email ?? ''));
      setText(list, owners === null ? '' : names.length > 0 ? t('fac.owners.list', { names: names.join(', ') }) : t('fac.owners.none'));
      const required = settings.facilitatorSignIn === true;
      setText(toggle, t('fac.owners.require'));
      setAttr(toggle, 'aria-pressed', String(required));
      toggle.disabled = !mine;
      const state = required ? t('fac.owners.requireOn') : t('fac.owners.requireOff');
      setText(hint, mine ? state : `${state} ${t('fac.owners.onlyOwners')}`);
    },
  };
}
