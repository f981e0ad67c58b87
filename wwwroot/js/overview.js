// The start page: every campaign and warm-up with its status and progress.
import { api } from "./api.js";
import { $, el, startPolling } from "./page.js";
import { campaignDone, count, rate, time } from "./format.js";
import { progressBar, statusBadge } from "./widgets.js";

const PLAN_DAYS = 28;

function campaignRow(c) {
  const p = c.progress;
  const state = p?.state && p.state !== c.runtimeStatus.toLowerCase() ? `${c.runtimeStatus} (${p.state})` : c.runtimeStatus;
  return el("tr", { "data-campaign": c.id },
    el("th", { scope: "row" }, el("a", { href: `campaign.html?id=${encodeURIComponent(c.id)}`, text: c.id })),
    el("td", {}, statusBadge(state)),
    el("td", {}, progressBar(campaignDone(p), `Progress of ${c.id}`)),
    el("td", { text: count(p?.sent) }),
    el("td", { text: count(p?.total) }),
    el("td", { text: rate(p?.rate) }),
    el("td", { text: time(c.createdAt) }));
}

function warmupRow(w) {
  const day = w.status?.planDay ?? 0;
  const done = w.runtimeStatus === "Completed" ? 1 : Math.max(0, day - 1) / PLAN_DAYS;
  return el("tr", { "data-warmup": w.id },
    el("th", { scope: "row" }, el("a", { href: `warmup.html?id=${encodeURIComponent(w.id)}`, text: w.target ?? w.id })),
    el("td", {}, statusBadge(w.runtimeStatus)),
    el("td", { text: w.status?.phase ?? "–" }),
    el("td", {}, progressBar(done, `Progress of warm-up ${w.target ?? w.id}`)),
    el("td", { text: day ? `${day} of ${PLAN_DAYS}` : "–" }),
    el("td", { text: count(w.targetDailyVolume) }),
    el("td", { text: w.status?.lastDay ? `${w.status.lastDay.decision}: ${w.status.lastDay.reason}` : "–" }));
}

function fill(table, rows, empty, columns) {
  const body = $(`${table} tbody`);
  body.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: String(columns), text: empty }))]));
}

startPolling(async () => {
  const [campaigns, warmups] = await Promise.all([api.campaigns(), api.warmups()]);
  fill("#campaigns", campaigns.map(campaignRow), "No campaigns yet.", 7);
  fill("#warmups", warmups.map(warmupRow), "No warm-ups yet.", 7);
});
