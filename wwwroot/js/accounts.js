// Every SES account: quota used, rate in force, SES's enforcement status and the circuit.
import { api } from "./api.js";
import { $, el, startPolling } from "./page.js";
import { count, rate, time } from "./format.js";
import { progressBar, statusBadge } from "./widgets.js";

function row(a) {
  const quota = a.quota.limit
    ? el("div", {}, progressBar(a.quota.usedShare ?? 0, `Quota used by ${a.name}`), el("span", { text: `${count(a.quota.used)} of ${count(a.quota.limit)}` }))
    : el("span", { text: `${count(a.quota.used)} (no quota set)` });
  const limit = a.rate.effectivePerSecond !== null && a.rate.effectivePerSecond !== a.rate.limitPerSecond
    ? `${rate(a.rate.effectivePerSecond)} (limit ${rate(a.rate.limitPerSecond)})`
    : rate(a.rate.limitPerSecond);
  const ses = a.ses.error
    ? el("span", { class: "warn", text: `unreachable: ${a.ses.error}` })
    : statusBadge(a.ses.enforcementStatus ?? "unknown");
  const circuit = el("div", {}, statusBadge(a.circuit.state),
    a.circuit.reason ? el("small", { text: ` ${a.circuit.reason}${a.circuit.until ? ` until ${time(a.circuit.until)}` : ""}` }) : null);
  return el("tr", { "data-account": a.name },
    el("th", { scope: "row", text: `${a.name} (${a.region})` }),
    el("td", { text: a.streams.join(", ") }),
    el("td", {}, quota),
    el("td", { text: limit }),
    el("td", { text: count(a.rate.running) }),
    el("td", {}, ses),
    el("td", { text: a.ses.sendingEnabled === null ? "–" : a.ses.sendingEnabled ? "enabled" : "paused" }),
    el("td", {}, circuit));
}

startPolling(async () => {
  const accounts = await api.accounts();
  const rows = accounts.map(row);
  $("#accounts tbody").replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: "8", text: "No accounts configured." }))]));
});
