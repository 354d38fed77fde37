// One polite live region for things said once: the timer ran out, a note is highlighted,
// the view was moved. Clearing first makes a repeated message be read again.
export function createAnnouncer(region) {
  let timer = null;
  return {
    announce(text) {
      clearTimeout(timer);
      region.textContent = '';
      timer = setTimeout(() => { region.textContent = text; }, 50);
    },
  };
}
