// The zoom controls over the canvas corner: out, the current zoom, in, back to 100 %, and (where
// the page can) fit everything on the board into view.
import { h, setAttr, setText } from './dom.js';

/** actions: zoom(direction): 1 in, -1 out, 0 back to 100 %; fit() (optional): show everything */
export function mountZoomControls(root, actions) {
  const zoomOut = h('button', { type: 'button', className: 'button button--icon', 'data-testid': 'zoom-out', onclick: () => actions.zoom(-1) }, '−');
  const zoomValue = h('output', { className: 'zoom-value', 'aria-live': 'polite', 'data-testid': 'zoom-value' });
  const zoomIn = h('button', { type: 'button', className: 'button button--icon', 'data-testid': 'zoom-in', onclick: () => actions.zoom(1) }, '+');
  // On phones "1:1" stands for the words (css/layout-small.css); its name stays the words.
  const zoomResetText = h('span', { className: 'zoom-reset__text' });
  const zoomReset = h('button', { type: 'button', className: 'button button--secondary zoom-reset', 'data-testid': 'zoom-reset', onclick: () => actions.zoom(0) }, [
    h('span', { className: 'zoom-reset__icon', 'aria-hidden': 'true' }, '1:1'), zoomResetText,
  ]);
  // On phones "⤢" stands for the words, as "1:1" does for the reset.
  const fitText = h('span', { className: 'zoom-fit__text' });
  const fit = actions.fit
    ? h('button', { type: 'button', className: 'button button--secondary zoom-fit', 'data-testid': 'zoom-fit', onclick: () => actions.fit() }, [
      h('span', { className: 'zoom-fit__icon', 'aria-hidden': 'true' }, '⤢'), fitText,
    ])
    : null;
  const zoomLabel = h('span', { className: 'visually-hidden', id: 'zoom-label' });
  root.setAttribute('aria-labelledby', 'zoom-label');
  root.append(zoomLabel, zoomOut, zoomValue, zoomIn, zoomReset, ...(fit ? [fit] : []));

  return {
    update({ t, zoomPercent }) {
      setText(zoomLabel, t('toolbar.zoom'));
      setAttr(zoomOut, 'aria-label', t('toolbar.zoomOut'));
      setAttr(zoomOut, 'title', t('toolbar.zoomOut'));
      setAttr(zoomIn, 'aria-label', t('toolbar.zoomIn'));
      setAttr(zoomIn, 'title', t('toolbar.zoomIn'));
      setText(zoomValue, t('toolbar.zoomValue', { percent: zoomPercent }));
      setText(zoomResetText, t('toolbar.zoomReset'));
      setAttr(zoomReset, 'title', t('toolbar.zoomResetHint'));
      if (fit) {
        setText(fitText, t('canvas.fit'));
        setAttr(fit, 'title', t('canvas.fitHint'));
      }
    },
  };
}
