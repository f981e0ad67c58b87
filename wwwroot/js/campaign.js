// One campaign: progress, send rate against the account limit, cumulative outcomes, reputation against the gate, domains, decisions and steering.
import { api } from "./api.js";
import { $, el, queryParam, showStatus, startPolling } from "./page.js";
import { campaignDone, count, duration, percent, rate } from "./format.js";
import { lineChart } from "./charts.js";
import { progressBar, thresholdGauge } from "./widgets.js";

const id = queryParam("id");
const FINISHED = new Set(["Completed", "Failed", "Terminated", "Unknown"]);
// Live samples of the counts, one per poll: they give a finer rate line than the stored buckets during a short run.
const samples = [];
const MAX_SAMPLES = 900;

function stateOf(view) {
  return view.progress?.state ?? view.runtimeStatus.toLowerCase();
}

function renderSummary(view) {
  const p = view.progress ?? {};
  $("#campaign-status").textContent = stateOf(view);
  $("#campaign-reason").textContent = p.reason ? `— ${p.reason}` : "";
  $("#campaign-progress").replaceChildren(progressBar(campaignDone(p), `Progress of campaign ${id}`));
  const items = [
    ["Engine status", view.runtimeStatus], ["Total", count(p.total)], ["Queued", count(p.queued)], ["Sent", count(p.sent)],
    ["Suppressed", count(p.suppressed)], ["Blocked", count(p.blocked)], ["Rejected", count(p.rejected)], ["Failed", count(p.failed)],
    ["Dead-lettered", count(p.deadLettered)], ["Bounced", count(p.bounced)], ["Complained", count(p.complained)],
    ["Rate", rate(p.rate)], ["ETA", duration(p.etaSeconds)], ["Account", p.account ?? "–"],
  ];
  $("#campaign-counts").replaceChildren(...items.flatMap(([name, value]) => [el("dt", { text: name }), el("dd", { text: value })]));
  const finished = FINISHED.has(view.runtimeStatus);
  const state = stateOf(view);
  $("#pause").disabled = finished || state === "paused";
  $("#resume").disabled = finished || state !== "paused";
  $("#cancel").disabled = finished;
}

function sample(view) {
  const p = view.progress;
  if (!p) return;
  samples.push({ at: Date.now(), sent: p.sent, suppressed: p.suppressed, failed: p.failed + p.deadLettered });
  if (samples.length > MAX_SAMPLES) samples.shift();
}

function liveRates() {
  const points = [];
  for (let i = 1; i < samples.length; i++) {
    const seconds = (samples[i].at - samples[i - 1].at) / 1000;
    if (seconds > 0) points.push({ x: samples[i].at, y: (samples[i].sent - samples[i - 1].sent) / seconds });
  }
  return points;
}

function renderRate(series) {
  const stored = series.points.map((p) => ({ x: Date.parse(p.at), y: p.perSecond }));
  const live = liveRates();
  const clock = (x) => new Date(x).toLocaleTimeString();
  lineChart($("#rate-chart"), {
    label: `Send rate of campaign ${id} against the account limit`,
    series: [
      { name: `per ${series.bucketSeconds} s bucket`, className: "s-stored", points: stored },
      { name: "live", className: "s-live", points: live },
    ],
    lines: [
      { name: "account limit", className: "l-limit", y: series.limitPerSecond },
      { name: "rate in force", className: "l-effective", y: series.effectivePerSecond !== series.limitPerSecond ? series.effectivePerSecond : null },
    ],
    formatY: (v) => v.toFixed(v < 10 ? 1 : 0),
    formatX: clock,
  });
  const latest = live.at(-1)?.y ?? stored.at(-1)?.y;
  $("#rate-text").textContent = `Latest ${rate(latest)}; account ${series.account ?? "not chosen yet"} limit ${rate(series.limitPerSecond)}`
    + (series.effectivePerSecond !== null && series.effectivePerSecond !== series.limitPerSecond ? `, lowered to ${rate(series.effectivePerSecond)} after throttling.` : ".");
}

function renderCumulative() {
  const line = (key) => samples.map((s) => ({ x: s.at, y: s[key] }));
  lineChart($("#cumulative-chart"), {
    label: `Cumulative sent, suppressed and failed for campaign ${id} since this page opened`,
    series: [
      { name: "sent", className: "s-sent", points: line("sent") },
      { name: "suppressed", className: "s-suppressed", points: line("suppressed") },
      { name: "failed", className: "s-failed", points: line("failed") },
    ],
    formatY: (v) => count(v),
    formatX: (x) => new Date(x).toLocaleTimeString(),
  });
}

function renderReputation(r) {
  $("#reputation").replaceChildren(
    thresholdGauge("Bounce rate", r.bounceRate, r.bounceThreshold),
    thresholdGauge("Complaint rate", r.complaintRate, r.complaintThreshold),
    el("p", { text: `${count(r.bounced)} bounces and ${count(r.complained)} complaints among ${count(r.sent)} sent; ${count(r.errors)} failed attempts.` }));
}

function renderDomains(domains) {
  const rows = (domains ?? []).map((d) => el("tr", {},
    el("th", { scope: "row", text: d.domain }), el("td", { text: count(d.total) }), el("td", { text: count(d.sent) }),
    el("td", { text: count(d.bounced) }), el("td", { text: count(d.complained) }),
    el("td", { text: d.sent ? percent(d.bounced / d.sent) : "–" })));
  $("#domains tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "6", text: "No recipients yet." }))]));
}

function renderDecisions(decisions) {
  const items = (decisions ?? []).slice().reverse().map((d) => el("li", { text: d }));
  $("#decisions").replaceChildren(...(items.length ? items : [el("li", { text: "No gate decisions yet." })]));
}

async function refresh() {
  const [view, series] = await Promise.all([api.campaign(id), api.campaignSeries(id)]);
  sample(view);
  renderSummary(view);
  renderRate(series);
  renderCumulative();
  renderReputation(series.reputation);
  renderDomains(view.domains);
  renderDecisions(view.progress?.decisions);
}

if (!id) {
  showStatus("No campaign id in the address; open a campaign from the list.", "error");
} else {
  $("#campaign-id").textContent = id;
  document.title = `Campaign ${id} · CampaignFlows`;
  const poll = startPolling(refresh);
  for (const button of document.querySelectorAll(".actions button")) {
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api.steer(id, button.dataset.verb);
        showStatus(`${button.textContent} requested for ${id}.`);
      } catch (error) {
        showStatus(error.message, "error");
      }
      poll();
    });
  }
}
