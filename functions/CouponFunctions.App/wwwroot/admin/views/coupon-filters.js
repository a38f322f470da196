// The coupon list's filter bar: its state is the query string of the list (and of #/coupons?...).
import { h, errorSlot, PLATFORMS } from '../ui.js';

export const FILTER_NAMES = ['platform', 'store', 'site', 'campaign', 'status', 'expiringWithinDays', 'stock', 'hasFindings', 'q', 'include', 'sort', 'pageSize'];
const STATUSES = ['upcoming', 'ongoing', 'paused', 'ended', 'deactivated'];
// With no status in the URL the list shows the live coupons (the URL stays short); "all" (every box cleared) shows every status.
export const LIVE_STATUSES = 'upcoming,ongoing,paused';
const ALL_STATUSES = 'all';
const INCLUDES = { archived: 'Archived (expired long ago)', removed: 'Removed from the platform' };

// The filters of a query string: known names only, blanks dropped.
export function filtersFrom(query) {
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = query.get(name)?.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

// The API's query string for the filters: no status is the live ones, "all" is no status filter at all.
export function apiQuery(filters) {
  const { status, ...rest } = filters;
  if (status === ALL_STATUSES) return toQuery(rest);
  return toQuery({ ...rest, status: status ?? LIVE_STATUSES });
}

// A query string that keeps commas readable (status=ongoing,paused) and encodes everything else.
export function toQuery(filters) {
  return Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
    .join('&');
}

function field(label, name, control, extra = {}) {
  const id = `filter-${name}`;
  Object.assign(control, { id, name });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: `filter ${extra.class ?? ''}` }, h('label', { for: id }, label), control, errorSlot(name, `${id}-error`));
}

function select(options, value) {
  const el = h('select', {}, options.map(([v, t]) => h('option', { value: v }, t)));
  if (value !== undefined && !options.some(([v]) => v === value)) el.append(h('option', { value }, value));
  el.value = value ?? '';
  return el;
}

// Several stores at once (Ctrl/Cmd-click or Shift-click); none selected is every store.
function multiSelect(options, values) {
  const chosen = new Set(values);
  const known = new Set(options.map(([v]) => v));
  const el = h('select', { multiple: true, size: Math.min(5, Math.max(2, options.length + chosen.size)), 'aria-label': 'Stores (none selected: all)' },
    options.map(([v, t]) => h('option', { value: v }, t)),
    [...chosen].filter(v => !known.has(v)).map(v => h('option', { value: v }, v)));
  for (const option of el.options) option.selected = chosen.has(option.value);
  return el;
}

function checkboxGroup(legend, name, choices, selected) {
  const id = `filter-${name}`;
  return h('fieldset', { class: 'filter checks', id, 'aria-describedby': `${id}-error` },
    h('legend', {}, legend),
    Object.entries(choices).map(([value, text]) =>
      h('label', { class: 'inline' }, h('input', { type: 'checkbox', name, value, checked: selected.includes(value) }), text)),
    errorSlot(name, `${id}-error`));
}

// The filter form for the current filters; onApply(filters) runs when any filter changes.
export function filterForm(filters, stores, onApply) {
  const statuses = filters.status === ALL_STATUSES ? [] : (filters.status ?? LIVE_STATUSES).split(',').filter(Boolean);
  const chosenStores = (filters.store ?? '').split(',').filter(Boolean);
  const includes = (filters.include ?? '').split(',').filter(Boolean);
  const sites = [...new Set(stores.map(s => s.site))].sort();
  const form = h('form', { id: 'coupon-filters', class: 'filters', novalidate: true, role: 'search', 'aria-label': 'Coupon filters' },
    h('div', { class: 'filter-row' },
      field('Search name or code', 'q', h('input', { type: 'search', value: filters.q ?? '', placeholder: 'e.g. WEEKEND or 11.11', maxlength: 100 }), { class: 'wide' }),
      field('Platform', 'platform', select([['', 'All platforms'], ...Object.entries(PLATFORMS)], filters.platform)),
      field('Stores', 'store', multiSelect(stores.map(s => [s.id, s.displayName]), chosenStores)),
      field('Site', 'site', select([['', 'All sites'], ...sites.map(s => [s, s])], filters.site)),
      field('Campaign', 'campaign', h('input', { type: 'text', value: filters.campaign ?? '', placeholder: 'e.g. Mid-Year Sale', maxlength: 400, title: 'One campaign, or several separated by commas' })),
      field('Stock', 'stock', select([['', 'Any stock'], ['out', 'Out of stock'], ['low', 'Low stock']], filters.stock)),
      field('Findings', 'hasFindings', select([['', 'Any'], ['true', 'With open findings'], ['false', 'Without findings']], filters.hasFindings)),
      field('Expiring within (days)', 'expiringWithinDays', h('input', { type: 'number', min: 0, max: 365, step: 1, inputmode: 'numeric', value: filters.expiringWithinDays ?? '', placeholder: 'any' }), { class: 'narrow-field' }),
    ),
    h('div', { class: 'filter-row' },
      checkboxGroup('Status (none ticked: all)', 'status', Object.fromEntries(STATUSES.map(s => [s, s])), statuses),
      checkboxGroup('Also show', 'include', INCLUDES, includes),
      h('div', { class: 'filter-actions' },
        h('button', { type: 'submit', class: 'primary' }, 'Apply'),
        h('button', { type: 'button', id: 'clear-filters', onclick: () => onApply({ sort: filters.sort, pageSize: filters.pageSize }) }, 'Clear filters'))));

  const apply = () => onApply({ ...readFilters(form), sort: filters.sort, pageSize: filters.pageSize }, { fromForm: true });
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  return form;
}

function readFilters(form) {
  const data = new FormData(form);
  const filters = {};
  for (const name of ['q', 'platform', 'site', 'campaign', 'stock', 'hasFindings', 'expiringWithinDays']) {
    const value = String(data.get(name) ?? '').trim();
    if (value) filters[name] = value;
  }
  for (const name of ['store', 'include']) {
    const values = data.getAll(name);
    if (values.length) filters[name] = values.join(',');
  }
  const statuses = data.getAll('status');
  const live = LIVE_STATUSES.split(',');
  const isLive = statuses.length === live.length && live.every(s => statuses.includes(s));
  if (!isLive) filters.status = statuses.length ? statuses.join(',') : ALL_STATUSES;
  return filters;
}
