// Coupons: one list across every store the key may see, with filters in the URL, sorting, paging and CSV export.
import { api, download } from '../api.js';
import { h, flash, showFieldErrors, time, formatNumber, formatPercent, platformName, couponHref } from '../ui.js';
import { filtersFrom, filterForm, toQuery, apiQuery } from './coupon-filters.js';
import { rewardText, minSpendText, statusBadge, remainingCell, findingsBadge } from './coupon-format.js';
import { couponSelection } from './coupon-selection.js';

export const LAST_LIST = 'couponfunctions.lastCouponList';

const COLUMNS = [
  { title: 'Coupon' },
  { title: 'Store' },
  { title: 'Status', sort: 'status' },
  { title: 'Reward' },
  { title: 'Remaining', sort: 'remaining', numeric: true },
  { title: 'Claimed', sort: 'claims', numeric: true },
  { title: 'Used', numeric: true },
  { title: 'Redemption', sort: 'redemptionRate', numeric: true },
  { title: 'Valid', sort: 'endTime', sortTitle: 'end time' },
  { title: 'Findings' },
];

export async function render(root, { query }) {
  let filters = filtersFrom(query);
  // Page i starts at tokens[i]; the first page has none. Tokens belong to one filter and sort, so they reset with them.
  let tokens = [null];
  let page = 0;
  let ticket = 0;

  const { items: stores } = await api('/stores');
  const selection = couponSelection();
  const summary = h('p', { class: 'muted', id: 'coupons-summary', 'aria-live': 'polite' });
  const exportButton = h('button', { type: 'button', id: 'export-csv', onclick: exportCsv }, 'Export CSV');
  const previous = h('button', { type: 'button', id: 'previous-page', onclick: () => go(page - 1) }, '← Previous page');
  const next = h('button', { type: 'button', id: 'next-page', onclick: () => go(page + 1) }, 'Next page →');
  const sortError = h('p', { class: 'field-error', dataset: { errorFor: 'sort' } });
  const tableBox = h('div', { id: 'coupons-table', class: 'table-scroll' });
  let form = filterForm(filters, stores, apply);
  const card = h('div', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Coupons'), exportButton),
    form,
    h('div', { class: 'list-head' }, summary, sortError),
    selection.bar,
    tableBox,
    h('div', { class: 'pager' }, pageSizeSelect(filters.pageSize, (pageSize) => apply({ ...filters, pageSize })), previous, next));
  root.append(card);
  sessionStorage.setItem(LAST_LIST, location.hash || '#/coupons');
  await load();

  // fromForm: the form already shows the new filters; otherwise (sort, clear) it is rebuilt to match them.
  function apply(next, { fromForm = false } = {}) {
    if (toQuery(next) === toQuery(filters)) return;
    filters = next;
    selection.reset();
    tokens = [null];
    page = 0;
    const hash = `#/coupons${toQuery(filters) ? `?${toQuery(filters)}` : ''}`;
    // pushState, not location.hash: the view keeps its focus and stays put; Back still steps through the filters.
    history.pushState(null, '', hash);
    sessionStorage.setItem(LAST_LIST, hash);
    if (!fromForm) {
      const fresh = filterForm(filters, stores, apply);
      form.replaceWith(fresh);
      form = fresh;
    }
    load();
  }

  function go(target) {
    if (target < 0 || target >= tokens.length) return;
    page = target;
    load();
  }

  async function load() {
    const mine = ++ticket;
    tableBox.setAttribute('aria-busy', 'true');
    summary.textContent = 'Loading…';
    const continuation = tokens[page];
    try {
      const result = await api(`/coupons?${apiQuery({ ...filters, continuation })}`);
      if (mine !== ticket) return;
      showFieldErrors(card, null);
      flash('');
      tokens[page + 1] = result.continuation ?? undefined;
      tokens.length = result.continuation ? page + 2 : page + 1;
      showPage(result);
    } catch (error) {
      if (mine !== ticket) return;
      if (error.status !== 400) {
        summary.textContent = 'The coupons could not be loaded.';
        flash(error.message);
        return;
      }
      const unplaced = showFieldErrors(card, error);
      summary.textContent = 'Fix the highlighted filter to see coupons.';
      tableBox.replaceChildren();
      previous.disabled = next.disabled = true;
      if (unplaced.length) flash([error.message, ...unplaced].join(' '));
    } finally {
      if (mine === ticket) tableBox.removeAttribute('aria-busy');
    }
  }

  function showPage({ items, totalMatched }) {
    const size = Number(filters.pageSize) || 50;
    const first = page * size + 1;
    summary.textContent = totalMatched === 0
      ? 'No coupons match these filters.'
      : `Showing ${formatNumber(first)}–${formatNumber(first + items.length - 1)} of ${formatNumber(totalMatched)} coupon${totalMatched === 1 ? '' : 's'}`;
    previous.disabled = page === 0;
    next.disabled = page + 1 >= tokens.length;
    tableBox.replaceChildren(items.length === 0 ? h('p', { class: 'empty' }, 'Nothing to show. Clear a filter or include archived and removed coupons.') : table(items));
    selection.showPage(items, totalMatched, filters);
  }

  function table(items) {
    const [field, descending] = currentSort();
    return h('table', { id: 'coupons', class: 'data' },
      h('thead', {}, h('tr', {}, selection.headerCell(items), COLUMNS.map(c => header(c, field, descending)))),
      h('tbody', {}, items.map(c => selection.decorate(row(c), c))));
  }

  function header(column, field, descending) {
    const attrs = { class: column.numeric ? 'num' : null, scope: 'col' };
    if (!column.sort) return h('th', attrs, column.title);
    const active = column.sort === field;
    attrs['aria-sort'] = active ? (descending ? 'descending' : 'ascending') : 'none';
    const arrow = active ? (descending ? ' ▼' : ' ▲') : '';
    return h('th', attrs, h('button', {
      type: 'button', class: 'sort', dataset: { sort: column.sort },
      title: `Sort by ${column.sortTitle ?? column.title.toLowerCase()}${active && !descending ? ', descending' : ''}`,
      onclick: () => apply({ ...filters, sort: active && !descending ? `-${column.sort}` : column.sort }),
    }, column.title, h('span', { 'aria-hidden': 'true' }, arrow)));
  }

  function currentSort() {
    const sort = filters.sort ?? 'endTime';
    return sort.startsWith('-') ? [sort.slice(1), true] : [sort, false];
  }

  async function exportCsv() {
    exportButton.disabled = true;
    try {
      const { sort, ...rest } = filters;
      delete rest.pageSize;
      const name = await download(`/coupons/export?${apiQuery({ ...rest, sort })}`, 'coupons.csv');
      flash(`Downloaded ${name}.`, 'ok');
    } catch (error) {
      const unplaced = showFieldErrors(card, error);
      flash([error.message, ...unplaced].join(' '));
    } finally {
      exportButton.disabled = false;
    }
  }
}

function pageSizeSelect(current, onChange) {
  const sizes = ['25', '50', '100', '200'];
  const value = current ?? '50';
  const select = h('select', { id: 'page-size', onchange: (e) => onChange(e.target.value === '50' ? undefined : e.target.value) },
    (sizes.includes(value) ? sizes : [...sizes, value]).map(s => h('option', { value: s }, s)));
  select.value = value;
  return h('label', { class: 'inline page-size', for: 'page-size' }, 'Per page', select);
}

function row(c) {
  const zone = c.timeZoneId;
  return h('tr', { dataset: { storeId: c.storeId, couponId: c.platformCouponId } },
    h('td', {},
      h('a', { href: couponHref(c.storeId, c.platformCouponId), class: 'coupon-name' }, c.name),
      h('div', { class: 'muted small' }, c.code ? h('span', { class: 'mono code' }, c.code) : null, c.code ? ' · ' : null, `id ${c.platformCouponId}`)),
    h('td', {}, c.storeName, h('div', { class: 'muted small' }, `${platformName(c.platform)} · ${c.site}`)),
    h('td', {}, statusBadge(c.status, c.rawStatus), c.removedAt ? h('div', {}, h('span', { class: 'badge bad' }, 'removed')) : null, c.isArchived ? h('div', {}, h('span', { class: 'badge' }, 'archived')) : null),
    h('td', {}, rewardText(c), h('div', { class: 'muted small nowrap' }, minSpendText(c))),
    h('td', { class: 'num' }, remainingCell(c.remaining, c.totalQuantity)),
    h('td', { class: 'num' }, formatNumber(c.claimedCount)),
    h('td', { class: 'num' }, formatNumber(c.usedCount)),
    h('td', { class: 'num' }, formatPercent(c.redemptionRate)),
    h('td', { class: 'nowrap' }, h('div', {}, h('span', { class: 'muted' }, 'from '), time(c.validFrom, zone)), h('div', {}, h('span', { class: 'muted' }, 'to '), time(c.validTo, zone))),
    h('td', {}, findingsBadge(c.openFindings, c.highestSeverity)));
}
