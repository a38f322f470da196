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
  const list = h('div', { class: 'card' }, h('h1', {}, 'Stores'), toolbar(() => refresh(root, canEdit, isCurrent)), h('div', { id: 'stores-table', class: 'table-scroll' }, 'Loading…'));
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

// Filter by name, id, shop, platform or site; "problems first" puts stores that need the operator at the top.
function toolbar(onChange) {
  return h('div', { class: 'toolbar', id: 'stores-toolbar' },
    h('div', {}, h('label', { for: 'stores-filter' }, 'Filter'), h('input', { id: 'stores-filter', type: 'search', placeholder: 'name, shop id, platform, site', oninput: onChange })),
    h('div', {}, h('label', { for: 'stores-sort' }, 'Sort'),
      h('select', { id: 'stores-sort', onchange: onChange },
        h('option', { value: 'problems' }, 'Problems first'), h('option', { value: 'name' }, 'Name'), h('option', { value: 'platform' }, 'Platform'), h('option', { value: 'lastSync' }, 'Last sync'))));
}

function problemScore(s) {
  if (s.status === 'needsReauthorization') return 0;
  if (s.sync?.lastStatus === 'failed' || s.sync?.consecutiveFailures > 0) return 1;
  if (s.status === 'active' && !s.connected) return 2;
  if (s.status === 'disabled') return 4;
  return 3;
}

function arrange(items, root) {
  const text = (root.querySelector('#stores-filter')?.value ?? '').trim().toLowerCase();
  const sort = root.querySelector('#stores-sort')?.value ?? 'problems';
  const shown = items.filter(s => !text || [s.displayName, s.id, s.shopId, s.platform, platformName(s.platform), s.site].some(v => String(v ?? '').toLowerCase().includes(text)));
  const byName = (a, b) => a.displayName.localeCompare(b.displayName);
  const order = {
    problems: (a, b) => (problemScore(a) - problemScore(b)) || byName(a, b),
    name: byName,
    platform: (a, b) => String(a.platform).localeCompare(String(b.platform)) || byName(a, b),
    lastSync: (a, b) => String(b.sync?.lastAttemptAt ?? '').localeCompare(String(a.sync?.lastAttemptAt ?? '')) || byName(a, b),
  }[sort] ?? byName;
  return shown.sort(order);
}

async function refresh(root, canEdit, isCurrent) {
  const all = (await api('/stores')).items;
  const items = arrange([...all], root);
  const target = root.querySelector('#stores-table');
  if (items.length === 0) {
    target.replaceChildren(h('p', { class: 'empty' }, all.length ? 'No store matches the filter.' : 'No stores yet. Add your first store below.'));
    return all;
  }
  const open = new Set([...target.querySelectorAll('tr.history-row')].map(r => r.dataset.storeId));
  target.replaceChildren(h('table', { id: 'stores', class: 'data' },
    h('thead', {}, h('tr', {}, COLUMNS.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(s => storeRows(s, canEdit, open.has(s.id), () => refresh(root, canEdit, isCurrent), isCurrent)))));
  return all;
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
      canEdit ? manageButtons(s, () => editRow, refreshAll) : null,
      h('button', { type: 'button', class: 'history-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, onclick: (e) => toggle(e.currentTarget) }, 'Runs and failures')));
  const panel = h('tr', { class: 'history-row', id: panelId, hidden: true, dataset: { storeId: s.id } }, h('td', { colspan: COLUMNS.length }));
  const editRow = canEdit ? editForm(s, refreshAll) : null;

  async function toggle(button) {
    const show = panel.hidden;
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) await historyPanel(s, panel.firstChild);
  }
  if (expanded) queueMicrotask(() => toggle(row.querySelector('.history-toggle')));
  return [row, editRow, panel].filter(Boolean);
}

// Edit, disable/enable and connect through the platform's own authorization page (the browser comes back to
// #/stores?connected=... or ?authError=...).
function manageButtons(s, editRow, refreshAll) {
  const act = (label, className, run) => h('button', { type: 'button', class: className, onclick: async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try { await run(); } catch (error) { flash(error.message); } finally { button.disabled = false; }
  } }, label);
  return [
    act('Edit', 'edit-store', async () => { const r = editRow(); r.hidden = !r.hidden; if (!r.hidden) r.querySelector('input')?.focus(); }),
    s.status === 'disabled'
      ? act('Enable', 'enable-store', async () => { await api(`/stores/${encodeURIComponent(s.id)}/enable`, { method: 'POST' }); flash(`${s.displayName} is enabled.`, 'ok'); await refreshAll(); })
      : act('Disable', 'disable-store', async () => {
        if (!confirm(`Disable ${s.displayName}? It is no longer synced or inspected.`)) return;
        await api(`/stores/${encodeURIComponent(s.id)}/disable`, { method: 'POST' });
        flash(`${s.displayName} is disabled.`, 'ok');
        await refreshAll();
      }),
    act(s.connected ? 'Reconnect' : 'Connect', 'connect-store', async () => {
      const { authorizationUrl } = await api(`/stores/${encodeURIComponent(s.id)}/authorize`, { method: 'POST' });
      location.assign(authorizationUrl);
    }),
  ];
}

function editForm(s, refreshAll) {
  const name = h('input', { name: 'displayName', value: s.displayName, id: `edit-name-${s.id}` });
  const zone = h('input', { name: 'timeZone', value: s.timeZone, id: `edit-zone-${s.id}` });
  const form = h('form', { class: 'edit-store-form', novalidate: true },
    h('div', { class: 'grid' },
      h('div', {}, h('label', { for: name.id }, 'Display name'), name, h('p', { class: 'field-error', dataset: { errorFor: 'displayName' } })),
      h('div', {}, h('label', { for: zone.id }, 'Time zone (IANA)'), zone, h('p', { class: 'field-error', dataset: { errorFor: 'timeZone' } }))),
    h('button', { type: 'submit', class: 'primary' }, 'Save'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const saved = await api(`/stores/${encodeURIComponent(s.id)}`, { method: 'PATCH', body: { displayName: name.value.trim(), timeZone: zone.value.trim() } });
      flash(`Saved ${saved.displayName}.`, 'ok');
      await refreshAll();
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash([error.message, ...unplaced].join(' '));
    }
  });
  return h('tr', { class: 'edit-row', hidden: true, dataset: { storeId: s.id } }, h('td', { colspan: COLUMNS.length }, form));
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
