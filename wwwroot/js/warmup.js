// One warm-up: the 28-day plan against what was sent, and every daily decision.
import { api } from "./api.js";
import { $, el, queryParam, showStatus, startPolling } from "./page.js";
import { count, percent, time } from "./format.js";
import { barChart } from "./charts.js";
import { progressBar } from "./widgets.js";

const id = queryParam("id");

function render(view) {
  const s = view.summary;
  const planDays = view.plan.length || 28;
  const day = s.status?.planDay ?? 0;
  $("#warmup-id").textContent = s.target ?? s.id;
  $("#warmup-status").textContent = s.runtimeStatus;
  $("#warmup-phase").textContent = s.status?.phase ?? "–";
  $("#warmup-day").textContent = day ? `${day} of ${planDays}` : "–";
  const done = s.runtimeStatus === "Completed" ? 1 : Math.max(0, day - 1) / planDays;
  $("#warmup-progress").replaceChildren(progressBar(done, `Progress of warm-up ${s.target ?? s.id}`));
  $("#warmup-warning").textContent = s.status?.warning ?? "";
  barChart($("#plan-chart"), {
    label: `Planned against sent mails per plan day for warm-up ${s.target ?? s.id}`,
    groups: view.plan.map((p) => ({ label: String(p.day), values: [p.planned, p.sent] })),
    bars: [{ name: "planned", className: "b-planned" }, { name: "sent", className: "b-sent" }],
    formatY: (v) => count(v),
  });
  const thresholds = view.thresholds;
  const rows = view.days.slice().reverse().map((d) => el("tr", { class: `decision-${d.decision}` },
    el("th", { scope: "row", text: String(d.day) }),
    el("td", { text: d.planDay == null ? "–" : String(d.planDay) }),
    el("td", { text: count(d.planned) }), el("td", { text: count(d.sent) }),
    el("td", { text: percent(d.bounceRate), title: thresholds ? `advances below ${percent(thresholds.bounceRateBelow)}` : null }),
    el("td", { text: percent(d.complaintRate, 3), title: thresholds ? `advances below ${percent(thresholds.complaintRateBelow, 3)}` : null }),
    el("td", { text: d.decision }),
    el("td", { text: `${d.reason ?? ""} (${time(d.recordedAt)})` })));
  $("#days tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "8", text: "No day stepped yet." }))]));
}

if (!id) {
  showStatus("No warm-up id in the address; open a warm-up from the list.", "error");
} else {
  startPolling(async () => render(await api.warmup(id)));
}
