// A short end-of-timer chime made with WebAudio: no audio file, nothing from elsewhere.
// The AudioContext is created on the click that turns sound on (browsers allow audio
// only after a user gesture).
let context = null;

export function enableSound() {
  const AudioContextImpl = globalThis.AudioContext ?? globalThis.webkitAudioContext;
  if (!AudioContextImpl) return false;
  try {
    context = context ?? new AudioContextImpl();
    if (context.state === 'suspended') context.resume().catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/** Three soft beeps, about a second in all. */
export function playChime() {
  if (!context) return;
  try {
    const start = context.currentTime + 0.02;
    for (let i = 0; i < 3; i += 1) {
      const at = start + i * 0.3;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = i === 2 ? 1046.5 : 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.25);
    }
  } catch {
    // Sound is a courtesy; the visual signal and the announcement remain.
  }
}
