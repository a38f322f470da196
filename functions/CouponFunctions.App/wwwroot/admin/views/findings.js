// Findings: each store's latest inspection, new findings first, so operators see what changed since the last run.
import { api } from '../api.js';
import { h, badge, time, formatNumber, platformName, couponHref, SEVERITY_KIND, FINDING_STATE_KIND } from '../ui.js';
import { actionHref } from './actions.js';

const STATE_ORDER = { new: 0, ongoing: 1, resolved: 2 };
const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 };

export async function render(root, { query } = {}) {
  const { summary, stores, notInspected } = await api('/findings');
  const results = h('div', { id: 'findings-results' });
  const filters = filterBar(stores, query, () => show());
  root.append(...[
    h('div', { class: 'card' },
      h('h1', {}, 'Findings'),
      h('p', { class: 'muted' }, 'What the latest inspection of each store found. New means not open at the run before; resolved means open then, gone now.'),
      summaryTiles(summary),
      filters),
    results,
    notInspectedCard(notInspected),
    stores.length === 0 && notInspected.length === 0 ? h('div', { class: 'card empty' }, 'No stores to inspect yet.') : null,
  ].filter(Boolean));
  show();

  function show() {
    const f = Object.fromEntries(new FormData(filters));
    const keep = (x) => (!f.severity || x.severity === f.severity) && (!f.state || x.state === f.state) && (!f.rule || x.code === f.rule);
    const shown = stores.filter(e => !f.store || e.store.id === f.store).map(e => ({ ...e, findings: e.findings.filter(keep) }));
    results.replaceChildren(...(f.groupBy === 'rule' ? ruleCards(shown) : shown.filter(e => e.findings.length || !anyFilter(f)).sort(byUrgency).map(storeCard)));
    if (!results.children.length) results.append(h('div', { class: 'card empty' }, 'No finding matches the filters.'));
  }
}

function anyFilter(f) {
  return Boolean(f.severity || f.state || f.rule);
}

// Severity, store, rule and state filters and grouping by store or by rule; starts from the address (#/findings?store=...).
function filterBar(stores, query, onChange) {
  const rules = [...new Set(stores.flatMap(e => e.findings.map(f => f.code)))].sort();
  const select = (name, label, options, selected) => h('div', { class: 'filter' },
    h('label', { for: `findings-${name}` }, label),
    h('select', { id: `findings-${name}`, name, onchange: onChange },
      options.map(([value, text]) => h('option', { value, selected: value === selected }, text))));
  return h('form', { class: 'filter-row', id: 'findings-filters', onsubmit: (e) => e.preventDefault() },
    select('severity', 'Severity', [['', 'any'], ['critical', 'critical'], ['warning', 'warning'], ['info', 'info']], query?.get('severity') ?? ''),
    select('store', 'Store', [['', 'every store'], ...stores.map(e => [e.store.id, e.store.displayName])], query?.get('store') ?? ''),
    select('rule', 'Rule', [['', 'every rule'], ...rules.map(r => [r, r])], query?.get('rule') ?? ''),
    select('state', 'State', [['', 'any'], ['new', 'new'], ['ongoing', 'ongoing'], ['resolved', 'resolved']], query?.get('state') ?? ''),
    select('groupBy', 'Group by', [['store', 'store'], ['rule', 'rule']], query?.get('groupBy') ?? 'store'));
}

function ruleCards(entries) {
  const byRule = new Map();
  for (const e of entries) for (const f of e.findings) {
    if (!byRule.has(f.code)) byRule.set(f.code, []);
    byRule.get(f.code).push({ f, store: e.store });
  }
  return [...byRule.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, rows]) =>
    h('section', { class: 'card rule-findings', dataset: { rule: code } },
      h('h2', {}, code, h('span', { class: 'muted small' }, ` · ${rows.length} finding${rows.length === 1 ? '' : 's'}`)),
      h('table', { class: 'data findings-table' },
        h('thead', {}, h('tr', {}, ['State', 'Severity', 'Coupon', 'Finding', 'Since'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(({ f, store }) => findingRow(f, store, true))))));
}

// Stores with new findings first, then those with more critical open ones; then by name.
function byUrgency(a, b) {
  const score = (s) => [s.findings.filter(f => f.state === 'new').length, s.findings.filter(f => f.state !== 'resolved' && f.severity === 'critical').length];
  const [newA, criticalA] = score(a);
  const [newB, criticalB] = score(b);
  return (Math.sign(newB) - Math.sign(newA)) || (criticalB - criticalA) || a.store.displayName.localeCompare(b.store.displayName);
}

function summaryTiles(summary) {
  const tile = (key, label, kind) => h('div', { class: `tile ${kind}`, dataset: { count: key } },
    h('span', { class: 'tile-value' }, formatNumber(summary[key])), h('span', { class: 'tile-label' }, label));
  return h('div', { class: 'tiles', id: 'findings-summary', role: 'group', 'aria-label': 'Open findings by severity, new and resolved' },
    tile('critical', 'critical', 'bad'), tile('warning', 'warning', 'warn'), tile('info', 'info', 'info'),
    tile('new', 'new since the last run', ''), tile('resolved', 'resolved', 'ok'));
}

function storeCard(entry) {
  const { store, findings } = entry;
  const sorted = [...findings].sort((a, b) =>
    (STATE_ORDER[a.state] - STATE_ORDER[b.state]) || (SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]));
  const counts = Object.entries(findings.reduce((n, f) => ({ ...n, [f.state]: (n[f.state] ?? 0) + 1 }), {}))
    .sort(([a], [b]) => STATE_ORDER[a] - STATE_ORDER[b])
    .map(([state, n]) => `${n} ${state}`).join(' · ');
  const titleId = `findings-title-${store.id}`;
  return h('section', { class: 'card store-findings', dataset: { storeId: store.id }, 'aria-labelledby': titleId },
    h('div', { class: 'title-row' },
      h('div', {},
        h('h2', { id: titleId }, store.displayName),
        h('p', { class: 'muted small' }, `${platformName(store.platform)} · ${store.site} · inspected `, time(entry.inspectedAt, store.timeZone), ` (slot ${slotText(entry.slot)})`)),
      h('span', { class: 'muted' }, counts || 'nothing found')),
    // Rules that did not fire because a value they need is unknown (not zero) say so here.
    (entry.notes ?? []).length ? h('ul', { class: 'muted small inspection-notes' }, entry.notes.map(n => h('li', {}, n))) : null,
    sorted.length === 0
      ? h('p', { class: 'muted' }, 'Nothing wrong in this store at the latest inspection.')
      : h('table', { class: 'data findings-table' },
        h('thead', {}, h('tr', {}, ['State', 'Severity', 'Coupon', 'Finding', 'Since'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, sorted.map(f => findingRow(f, store)))));
}

function findingRow(f, store, withStore = false) {
  return h('tr', { class: `finding state-${f.state}`, dataset: { code: f.code, state: f.state } },
    h('td', {}, badge(f.state, FINDING_STATE_KIND[f.state] ?? '')),
    h('td', {}, badge(f.severity, SEVERITY_KIND[f.severity] ?? '')),
    h('td', {}, f.couponId
      ? [h('a', { href: couponHref(store.id, f.couponId) }, f.couponName ?? f.couponId), f.couponCode ? h('div', { class: 'muted mono' }, f.couponCode) : null]
      : h('span', { class: 'muted' }, 'whole store'),
      withStore ? h('div', { class: 'muted small' }, store.displayName) : null),
    h('td', {}, h('div', { class: f.state === 'resolved' ? 'muted' : null }, f.message), h('div', { class: 'muted small' }, f.state === 'resolved' ? 'No longer found.' : f.action),
      remedyControl(f.remedy)),
    h('td', { class: 'nowrap' }, time(f.firstSeenAt, store.timeZone)));
}

// A finding with a known fix: what it does, and a Fix link to the action preview filled in (where an action can do it).
function remedyControl(remedy) {
  if (!remedy) return null;
  const body = remedy.preview?.body;
  const action = body ? Object.fromEntries(Object.entries(body.action).filter(([, v]) => v !== null && v !== undefined)) : null;
  return h('div', { class: 'remedy' },
    body ? h('a', { href: actionHref({ coupons: body.coupons }, action), class: 'button-link fix-finding', title: remedy.explanation }, 'Fix…') : null,
    h('span', { class: 'muted small' }, ` ${remedy.explanation}`));
}

// Slot keys look like "2026-11-21T09:00" (the store's local date and slot).
function slotText(slot) {
  return String(slot ?? '').replace('T', ' ');
}

function notInspectedCard(stores) {
  if (stores.length === 0) return null;
  return h('section', { class: 'card', id: 'not-inspected', 'aria-labelledby': 'not-inspected-title' },
    h('h2', { id: 'not-inspected-title' }, 'Not yet inspected'),
    h('p', { class: 'muted' }, 'These stores are inspected at their next slot in their own time zone.'),
    h('ul', {}, stores.map(s => h('li', {}, s.displayName))));
}
