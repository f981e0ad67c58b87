// Progress bars and threshold gauges as accessible markup: the numbers are in the text, the bar only shows them.
import { el } from "./page.js";
import { percent } from "./format.js";

export function progressBar(fraction, label) {
  const value = Math.round(Math.max(0, Math.min(1, fraction || 0)) * 100);
  const bar = el("div", { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(value), "aria-label": label });
  bar.append(el("div", { class: "progress-fill", style: `width:${value}%` }));
  return el("div", { class: "progress-row" }, bar, el("span", { class: "progress-text", text: `${value}%` }));
}

// A rate against the threshold that pauses the campaign; the scale runs to twice the threshold so both sides are visible.
export function thresholdGauge(name, value, threshold) {
  const scale = threshold * 2 || 1;
  const over = value >= threshold;
  const bar = el("div", { class: `gauge${over ? " over" : ""}`, role: "meter", "aria-valuemin": "0", "aria-valuemax": String(scale),
    "aria-valuenow": String(Math.min(value, scale)), "aria-label": `${name} ${percent(value)} of threshold ${percent(threshold)}` });
  bar.append(el("div", { class: "gauge-fill", style: `width:${Math.min(100, (value / scale) * 100)}%` }));
  bar.append(el("div", { class: "gauge-mark", style: "left:50%" }));
  return el("div", { class: "gauge-row" },
    el("span", { class: "gauge-name", text: name }), bar,
    el("span", { class: "gauge-text", text: `${percent(value)} (pauses at ${percent(threshold)})${over ? " — over the threshold" : ""}` }));
}

export function statusBadge(status) {
  return el("span", { class: `badge badge-${String(status).toLowerCase()}`, text: status });
}
