// Shared page frame: the key form, the status line and a poller that stops while the tab is hidden or no key is set.
import { getKey, setKey } from "./api.js";

export const POLL_MS = 2000;

export function $(selector) {
  return document.querySelector(selector);
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

export function showStatus(message, kind = "info") {
  const status = $("#status");
  status.textContent = message;
  status.dataset.kind = kind;
}

const NAV = [
  { href: "./", text: "Campaigns and warm-ups", page: "overview" },
  { href: "accounts.html", text: "Accounts", page: "accounts" },
];

// Every page's header is the same nav and key form; the page names itself in data-page so its link is marked current.
function renderHeader() {
  const header = $("header.top");
  const current = header.dataset.page;
  const links = NAV.map((link) => el("a", { href: link.href, "aria-current": link.page === current ? "page" : null, text: link.text }));
  header.replaceChildren(
    el("nav", { "aria-label": "Main" }, el("a", { href: "./", class: "brand", text: "CampaignFlows" }), links),
    el("form", { id: "key-form", class: "key-form" },
      el("label", { for: "function-key", text: "Function key" }),
      el("input", { id: "function-key", name: "function-key", type: "password", autocomplete: "off", spellcheck: "false" }),
      el("button", { type: "submit", text: "Save key" })));
}

function bindKeyForm(onChange) {
  const form = $("#key-form");
  const input = $("#function-key");
  input.value = getKey();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setKey(input.value.trim());
    onChange();
  });
}

// Runs refresh now and every POLL_MS; failures show in the status line and the next poll tries again.
export function startPolling(refresh) {
  let timer = null;
  let running = false;
  const tick = async () => {
    clearTimeout(timer);
    if (!getKey()) {
      showStatus("Enter the function key (the demo prints it) to load the data.", "warn");
      return;
    }
    if (running) return;
    running = true;
    try {
      await refresh();
      showStatus(`Updated ${new Date().toLocaleTimeString()}`);
    } catch (error) {
      showStatus(error.message, "error");
    } finally {
      running = false;
      if (!document.hidden) timer = setTimeout(tick, POLL_MS);
    }
  };
  bindKeyForm(tick);
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) tick();
  });
  tick();
  return tick;
}

export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}

renderHeader();
