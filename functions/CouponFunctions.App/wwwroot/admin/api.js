// The API client: one place that sends the key and turns problem responses into errors with field messages.
const KEY = 'couponfunctions.apiKey';

export function savedKey() {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

// The key lives in this tab's sessionStorage; only "remember on this device" keeps it in localStorage.
export function saveKey(key, remember) {
  sessionStorage.setItem(KEY, key);
  if (remember) localStorage.setItem(KEY, key); else localStorage.removeItem(KEY);
}

export function isKeyRemembered() {
  return localStorage.getItem(KEY) !== null;
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.fields = problem?.errors ?? {};
  }
}

// A `file` (a File or Blob) is sent as it is, with its own type (CSV uploads); a `body` as JSON.
async function send(path, { method = 'GET', body, file, key = savedKey(), accept = 'application/json', headers: extra = {} } = {}) {
  // X-Api-Key rather than Authorization: an Entra sign-in layer in front of the app may claim "Bearer" for itself.
  const headers = { Accept: accept, ...extra };
  if (key) headers['X-Api-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file !== undefined) headers['Content-Type'] = file.type || 'text/csv';
  let response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: file ?? (body === undefined ? undefined : JSON.stringify(body)) });
  } catch {
    throw new ApiError(0, { detail: 'The server cannot be reached. Is it running?' });
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return response;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return { detail: `The server answered ${response.status} ${response.statusText}.` };
  }
}

export async function api(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

// Like api(), but also hands back the response headers (ETag of a template, for instance).
export async function apiWithHeaders(path, options = {}) {
  const response = await send(path, options);
  const text = await response.text();
  return { data: text ? JSON.parse(text) : null, headers: response.headers };
}

// A fresh Idempotency-Key: one per wizard run or action run, so a double click answers the same job.
export function newIdempotencyKey() {
  // randomUUID needs a secure context; getRandomValues works on plain http too.
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
}

// Fetches a file with the key header and hands it to the browser as a download (a plain link cannot send the key).
export async function download(path, fallbackName) {
  const response = await send(path, { accept: '*/*' });
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}
