// Messages over the canvas: the facilitation's broadcast (dismissible per message),
// private writing being on and, while following a facilitator, who is followed with a
// control to stop.
import { h, setAttr, setText } from './dom.js';

/** actions: stopFollowing() */
export function mountBanners(root, actions) {
  const broadcastLabel = h('strong', { className: 'banner__label' });
  const broadcastText = h('span', { className: 'banner__text' });
  const dismiss = h('button', { type: 'button', className: 'banner__close' }, '×');
  const broadcast = h('div', { className: 'banner banner--broadcast', role: 'status', 'data-testid': 'broadcast-banner', hidden: true }, [
    h('p', { className: 'banner__body' }, [broadcastLabel, ' ', broadcastText]),
    dismiss,
  ]);
  const followText = h('span', { className: 'banner__text' });
  const stop = h('button', { type: 'button', className: 'button button--secondary button--small', 'data-testid': 'follow-stop' });
  const follow = h('div', { className: 'banner banner--follow', 'data-testid': 'follow-banner', hidden: true }, [
    followText, stop,
  ]);
  const privateText = h('span', { className: 'banner__text' });
  const privateBanner = h('div', { className: 'banner banner--private', role: 'status', 'data-testid': 'private-banner', hidden: true }, [privateText]);
  root.append(broadcast, privateBanner, follow);

  /** Keys (at + text) of broadcasts this person dismissed; a new message shows again. */
  const dismissed = new Set();
  let currentKey = null;
  dismiss.addEventListener('click', () => {
    if (currentKey) dismissed.add(currentKey);
    broadcast.hidden = true;
  });
  stop.addEventListener('click', () => actions.stopFollowing());

  return {
    /** {t, broadcast: {text, at}|null, following: {name}|null, privateWriting: null|'participant'|'facilitator'} */
    update({ t, broadcast: message, following, privateWriting = null }) {
      privateBanner.hidden = !privateWriting;
      setText(privateText, privateWriting === 'facilitator' ? t('private.bannerFacilitator') : privateWriting ? t('private.banner') : '');
      currentKey = message?.text ? `${message.at ?? ''}|${message.text}` : null;
      broadcast.hidden = !currentKey || dismissed.has(currentKey);
      setText(broadcastLabel, `${t('broadcast.label')}:`);
      setText(broadcastText, message?.text ?? '');
      setAttr(dismiss, 'aria-label', t('broadcast.dismiss'));
      setAttr(dismiss, 'title', t('broadcast.dismiss'));
      follow.hidden = !following;
      setText(followText, following ? t('follow.following', { name: following.name }) : '');
      setText(stop, t('follow.stop'));
    },
  };
}
