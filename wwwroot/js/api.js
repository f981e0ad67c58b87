// Every call carries the function key from localStorage; without one the pages ask for it instead of sending requests that would fail.
const KEY_NAME = "campaignflows.functionKey";

export function getKey() {
  return localStorage.getItem(KEY_NAME) ?? "";
}

export function setKey(key) {
  if (key) localStorage.setItem(KEY_NAME, key);
  else localStorage.removeItem(KEY_NAME);
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path) {
  const response = await fetch(`/api/${path}`, {
    method,
    headers: { "x-functions-key": getKey(), accept: "application/json" },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body?.detail ?? body?.title ?? response.statusText;
    throw new ApiError(response.status, `${method} /api/${path}: ${response.status} ${detail}`);
  }
  return body;
}

export const api = {
  campaigns: () => call("GET", "campaigns"),
  campaign: (id) => call("GET", `campaigns/${encodeURIComponent(id)}`),
  campaignSeries: (id) => call("GET", `dashboard/campaigns/${encodeURIComponent(id)}/series`),
  steer: (id, verb) => call("POST", `campaigns/${encodeURIComponent(id)}/${verb}`),
  warmups: () => call("GET", "warmups"),
  warmup: (id) => call("GET", `warmups/${encodeURIComponent(id)}`),
  accounts: () => call("GET", "dashboard/accounts"),
};
