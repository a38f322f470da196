// A store's sync as operators troubleshoot it: the last outcome with the platform's error, recent runs and failures.
import { api } from '../api.js';
import { h, badge, time, facts, formatNumber } from '../ui.js';

const RUN_KIND = { succeeded: 'ok', failed: 'bad', running: 'info', skipped: '' };

export function syncCell(s) {
  const sync = s.sync;
  if (!sync || !sync.lastAttemptAt) return h('span', { class: 'muted' }, 'never synced');
  const running = Boolean(sync.runningUntil);
  const status = running ? 'running' : sync.lastStatus ?? 'unknown';
  return h('div', { class: 'sync' },
    h('div', {}, badge(status, RUN_KIND[status] ?? ''), ' ', time(sync.lastAttemptAt, s.timeZone)),
    h('div', { class: 'muted small' },
      `${formatNumber(sync.couponCount)} coupon${sync.couponCount === 1 ? '' : 's'}`,
      sync.lastStatus === 'failed'
        ? [' · last success ', sync.lastSuccessAt ? time(sync.lastSuccessAt, s.timeZone) : 'never']
        : null,
      sync.consecutiveFailures > 1 ? ` · ${sync.consecutiveFailures} failures in a row` : null),
    sync.lastFailure && sync.lastStatus === 'failed' ? failureBox(sync.lastFailure) : null);
}

function failureBox(f) {
  return h('div', { class: 'failure', role: 'group', 'aria-label': 'Last sync error' },
    h('p', { class: 'failure-message' }, f.message),
    facts([
      ['Kind', f.kind],
      ['HTTP status', f.httpStatus ?? null],
      ['Platform code', f.platformCode ? h('span', { class: 'mono' }, f.platformCode) : null],
      ['Request id', f.requestId ? h('span', { class: 'mono' }, f.requestId) : null],
      ['Request URL', f.requestUrl ? h('span', { class: 'mono wrap' }, f.requestUrl) : null],
    ], 'facts compact'));
}

export async function historyPanel(s, cell) {
  cell.replaceChildren(h('p', { class: 'muted' }, 'Loading runs and failures…'));
  try {
    const [runs, failures] = await Promise.all([
      api(`/stores/${encodeURIComponent(s.id)}/sync-runs`),
      api(`/stores/${encodeURIComponent(s.id)}/failures`),
    ]);
    cell.replaceChildren(h('div', { class: 'history-panel' },
      h('section', {}, h('h3', {}, 'Recent sync runs'), runsTable(runs.items, s.timeZone)),
      h('section', {}, h('h3', {}, 'Recorded platform failures'), failuresTable(failures.items, s.timeZone))));
  } catch (error) {
    cell.replaceChildren(h('p', { class: 'field-error' }, error.message));
  }
}

function runsTable(runs, zone) {
  if (runs.length === 0) return h('p', { class: 'muted' }, 'No sync runs yet.');
  return h('table', { class: 'data compact sync-runs' },
    h('thead', {}, h('tr', {}, ['Started', 'Reason', 'Outcome', 'Fetched', 'Created', 'Updated', 'Unchanged', 'Removed', 'Note'].map((t, i) => h('th', { scope: 'col', class: i >= 3 && i <= 7 ? 'num' : null }, t)))),
    h('tbody', {}, runs.map(r => h('tr', {},
      h('td', { class: 'nowrap' }, time(r.startedAt, zone)),
      h('td', {}, r.reason),
      h('td', {}, badge(r.status, RUN_KIND[r.status] ?? '')),
      ['fetched', 'created', 'updated', 'unchanged', 'removed'].map(k => h('td', { class: 'num' }, formatNumber(r.counts?.[k]))),
      h('td', {}, r.failure ? h('span', { class: 'text-bad' }, r.failure.message) : r.note ?? '')))));
}

function failuresTable(failures, zone) {
  if (failures.length === 0) return h('p', { class: 'muted' }, 'No failed platform calls recorded.');
  return h('table', { class: 'data compact platform-failures' },
    h('thead', {}, h('tr', {}, ['When', 'Call', 'Kind', 'HTTP', 'Code', 'Request id', 'Message and request URL'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, failures.map(f => h('tr', {},
      h('td', { class: 'nowrap' }, time(f.at, zone)),
      h('td', { class: 'mono' }, f.operation),
      h('td', {}, f.kind),
      h('td', {}, f.httpStatus ?? '—'),
      h('td', { class: 'mono' }, f.code ?? '—'),
      h('td', { class: 'mono' }, f.requestId ?? '—'),
      h('td', {}, f.message, f.requestUrl ? h('div', { class: 'mono wrap muted' }, f.requestUrl) : null)))));
}
