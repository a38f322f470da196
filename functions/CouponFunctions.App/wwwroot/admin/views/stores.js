// Stores: the connected stores with their last sync outcome, "Sync now", recent runs and failures, and a form to add one.
import { api } from '../api.js';
import { h, flash, showFieldErrors, formatTime, badge, time, platformName, PLATFORMS } from '../ui.js';
import { syncCell, historyPanel } from './store-sync.js';

const SITES = ['SG', 'MY', 'PH', 'TH', 'VN', 'ID', 'TW', 'HK', 'BR', 'MX', 'GB', 'US'];
const STATUS_KIND = { active: 'ok', disabled: '', needsReauthorization: 'bad' };
const COLUMNS = ['Store', 'Platform', 'Status', 'Last sync', ''];

export async function render(root, { me, isCurrent, query }) {
  const canEdit = me.role !== 'viewer';
  const outcome = connectionOutcome(query);
  if (outcome) root.append(outcome);
  const list = h('div', { class: 'card' }, h('h1', {}, 'Stores'), h('div', { id: 'stores-table', class: 'table-scroll' }, 'Loading…'));
  root.append(list);
  if (canEdit && !me.storeScope) root.append(addForm(() => refresh(root, canEdit, isCurrent)));
  await refresh(root, canEdit, isCurrent);
}

// The platform's authorization page sends the browser back here with ?connected={storeId} or ?authError={message}.
function connectionOutcome(query) {
  const error = query?.get('authError');
  const connected = query?.get('connected');
  if (!error && !connected) return null;
  // Drop the outcome from the address so a reload does not repeat it.
  history.replaceState(null, '', '#/stores');
  return error
    ? h('div', { class: 'card connection-outcome failure', id: 'connection-outcome', role: 'alert' },
      h('p', { class: 'failure-message' }, 'The store was not connected.'), h('p', {}, error))
    : h('div', { class: 'card connection-outcome note', id: 'connection-outcome', role: 'status' }, `Store ${connected} is connected.`);
}

async function refresh(root, canEdit, isCurrent) {
  const { items } = await api('/stores');
  const target = root.querySelector('#stores-table');
  if (items.length === 0) {
    target.replaceChildren(h('p', { class: 'empty' }, 'No stores yet. Add your first store below.'));
    return items;
  }
  const open = new Set([...target.querySelectorAll('tr.history-row')].map(r => r.dataset.storeId));
  target.replaceChildren(h('table', { id: 'stores', class: 'data' },
    h('thead', {}, h('tr', {}, COLUMNS.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(s => storeRows(s, canEdit, open.has(s.id), () => refresh(root, canEdit, isCurrent), isCurrent)))));
  return items;
}

function storeRows(s, canEdit, expanded, refreshAll, isCurrent) {
  const panelId = `history-${s.id}`;
  const row = h('tr', { dataset: { storeId: s.id }, class: 'store-row' },
    h('td', {}, h('strong', {}, s.displayName), h('div', { class: 'muted mono' }, s.id), h('div', { class: 'muted small' }, 'added ', time(s.createdAt, s.timeZone))),
    h('td', {},
      h('span', { class: 'platform' }, platformName(s.platform)), ` · ${s.site}`,
      h('div', { class: 'muted small' }, 'shop ', h('span', { class: 'mono' }, s.shopId)),
      h('div', { class: 'muted small' }, s.timeZone)),
    h('td', {},
      badge(s.status, STATUS_KIND[s.status] ?? ''),
      s.statusReason ? h('div', { class: 'muted small' }, s.statusReason) : null,
      h('div', { class: 'muted small' }, s.connected ? ['token until ', formatTime(s.tokenExpiresAt, s.timeZone)] : badge('not connected', 'warn'))),
    h('td', { class: 'sync-cell' }, syncCell(s)),
    h('td', { class: 'actions' },
      canEdit ? syncButton(s, refreshAll, isCurrent) : null,
      h('button', { type: 'button', class: 'history-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, onclick: (e) => toggle(e.currentTarget) }, 'Runs and failures')));
  const panel = h('tr', { class: 'history-row', id: panelId, hidden: true, dataset: { storeId: s.id } }, h('td', { colspan: COLUMNS.length }));

  async function toggle(button) {
    const show = panel.hidden;
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) await historyPanel(s, panel.firstChild);
  }
  if (expanded) queueMicrotask(() => toggle(row.querySelector('.history-toggle')));
  return [row, panel];
}

function syncButton(s, refreshAll, isCurrent) {
  const possible = s.status === 'active' && s.connected;
  return h('button', {
    type: 'button', class: 'sync-now', disabled: !possible,
    title: possible ? 'Fetch this store\'s coupons now' : 'Only active, connected stores can be synced',
    onclick: async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      try {
        await api(`/stores/${encodeURIComponent(s.id)}/sync`, { method: 'POST' });
        flash(`Sync of ${s.displayName} queued. The status updates when it has run.`, 'ok');
        await watch(s, refreshAll, isCurrent);
      } catch (error) {
        flash(error.message);
        button.disabled = false;
      }
    },
  }, 'Sync now');
}

// After "Sync now", refresh a few times (a sync of a store usually takes seconds) until the store shows a new attempt.
async function watch(s, refreshAll, isCurrent) {
  const before = s.sync?.lastAttemptAt ?? null;
  for (const delay of [1500, 3000, 5000, 10000]) {
    await new Promise(resolve => setTimeout(resolve, delay));
    if (!isCurrent()) return;
    const items = await refreshAll();
    const now = items.find(i => i.id === s.id)?.sync;
    if (now && now.lastAttemptAt !== before && !now.runningUntil) return;
  }
}

function field(label, name, control) {
  control.name = name;
  control.id = `store-${name}`;
  return h('div', {}, h('label', { for: control.id }, label), control, h('p', { class: 'field-error', dataset: { errorFor: name } }));
}

function addForm(onAdded) {
  const form = h('form', { class: 'card', id: 'add-store', novalidate: true },
    h('h2', {}, 'Add a store'),
    h('div', { class: 'grid' },
      field('Platform', 'platform', h('select', {}, h('option', { value: '' }, 'Choose…'), Object.entries(PLATFORMS).map(([v, t]) => h('option', { value: v }, t)))),
      field('Site', 'site', h('select', {}, h('option', { value: '' }, 'Choose…'), SITES.map(s => h('option', { value: s }, s)))),
      field('Shop id', 'shopId', h('input', { placeholder: 'the platform\'s shop id' })),
      field('Display name', 'displayName', h('input', { placeholder: 'e.g. Acme Official SG' })),
      field('Time zone (optional)', 'timeZone', h('input', { placeholder: 'defaults to the site\'s zone' })),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Add store'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(form));
    for (const k of Object.keys(body)) if (body[k] === '') body[k] = null;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const store = await api('/stores', { method: 'POST', body });
      form.reset();
      showFieldErrors(form, null);
      flash(`Added ${store.displayName}.`, 'ok');
      await onAdded();
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash([error.message, ...unplaced].join(' '));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
