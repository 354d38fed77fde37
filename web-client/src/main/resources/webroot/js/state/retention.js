// How long a board is kept, for display: the server decides (its expiry sweep), this only says
// when. Days after the last activity: the facilitators' choice or the instance's default, never
// more than the instance's cap.

const DAY_MS = 24 * 3600 * 1000;

/** The days the board is kept: settings.retentionDays, else the default; at most the cap. */
export function retentionDays(settings, retention) {
  if (!retention) return null;
  const chosen = Number.isInteger(settings?.retentionDays) ? settings.retentionDays : retention.defaultDays;
  return Math.min(chosen, retention.maxDays);
}

/** When the board is deleted if nobody works on it from `now` on. */
export function deletionTime(now, days) {
  return now + days * DAY_MS;
}

export function formatDate(ms, lang) {
  if (!Number.isFinite(ms)) return '';
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long' }).format(new Date(ms));
}
