// Number and time formatting shared by the pages.
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export const count = (n) => (n === null || n === undefined ? "–" : integer.format(n));
export const rate = (n) => (n === null || n === undefined ? "–" : `${decimal.format(n)}/s`);
export const percent = (fraction, digits = 2) =>
  fraction === null || fraction === undefined ? "–" : `${(fraction * 100).toFixed(digits)}%`;
export const time = (iso) => (iso ? new Date(iso).toLocaleString() : "–");

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

// The share of a campaign that is finished one way or another, for its progress bar.
export function campaignDone(progress) {
  if (!progress || !progress.total) return 0;
  return Math.min(1, (progress.total - progress.queued) / progress.total);
}
