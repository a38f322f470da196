// The coupon list's selection and bulk-action bar: checkboxes per row and per page, "select all N matching" (then the
// selection is the list filter, not ids, so coupons beyond this page and ones synced later are included), and the action
// buttons that open the action preview (#/actions).
import { h, formatNumber } from '../ui.js';
import { ACTIONS, actionHref } from './actions.js';

const keyOf = (storeId, couponId) => `${storeId}|${couponId}`;

export function couponSelection() {
  const selected = new Map();
  let matching = null; // { filter, total } once "select all N matching" was chosen
  let page = { items: [], total: 0, filters: {} };
  let headerBox = null;

  const count = h('span', { id: 'selection-count', 'aria-live': 'polite' });
  const selectAll = h('button', { type: 'button', class: 'link', id: 'select-all-matching', onclick: chooseAllMatching });
  const clear = h('button', { type: 'button', class: 'link', id: 'clear-selection', onclick: reset }, 'Clear selection');
  const buttons = Object.entries(ACTIONS).map(([kind, label]) =>
    h('button', { type: 'button', class: 'bulk-action', dataset: { action: kind }, onclick: () => { location.hash = actionHref(selection(), { kind }); } }, `${label}…`));
  const bar = h('div', { class: 'bulk-bar', id: 'bulk-bar', role: 'region', 'aria-label': 'Bulk actions', hidden: true },
    count, ' ', selectAll, ' ', clear, h('span', { class: 'bulk-buttons' }, buttons));

  function selection() {
    if (matching) return { filter: matching.filter };
    return { coupons: [...selected.values()] };
  }

  function chooseAllMatching() {
    const filter = {};
    for (const [name, value] of Object.entries(page.filters)) if (!['sort', 'pageSize', 'continuation'].includes(name) && value) filter[name] = value;
    matching = { filter, total: page.total };
    draw();
  }

  function reset() {
    selected.clear();
    matching = null;
    draw();
  }

  function draw() {
    const n = matching ? matching.total : selected.size;
    bar.hidden = n === 0;
    count.textContent = matching
      ? `All ${formatNumber(matching.total)} coupons matching these filters are selected.`
      : `${formatNumber(selected.size)} coupon${selected.size === 1 ? '' : 's'} selected.`;
    const pageAll = page.items.length > 0 && page.items.every(c => selected.has(keyOf(c.storeId, c.platformCouponId)));
    selectAll.hidden = Boolean(matching) || !pageAll || page.total <= page.items.length;
    selectAll.textContent = `Select all ${formatNumber(page.total)} matching`;
    for (const box of document.querySelectorAll('#coupons input.select-coupon')) {
      box.checked = Boolean(matching) || selected.has(box.value);
      box.disabled = Boolean(matching);
    }
    if (headerBox) {
      headerBox.checked = Boolean(matching) || pageAll;
      headerBox.disabled = Boolean(matching);
    }
  }

  return {
    bar,
    reset,
    // After each page load: remember what the page shows, for "select all N matching".
    showPage(items, total, filters) {
      page = { items, total, filters };
      draw();
    },
    headerCell(items) {
      headerBox = h('input', { type: 'checkbox', id: 'select-page', 'aria-label': 'Select every coupon on this page', onchange: (e) => {
        for (const c of items) {
          if (e.target.checked) selected.set(keyOf(c.storeId, c.platformCouponId), { storeId: c.storeId, couponId: c.platformCouponId });
          else selected.delete(keyOf(c.storeId, c.platformCouponId));
        }
        draw();
      } });
      return h('th', { scope: 'col', class: 'select' }, headerBox);
    },
    // Prepends the row's checkbox cell.
    decorate(tr, c) {
      const key = keyOf(c.storeId, c.platformCouponId);
      tr.prepend(h('td', { class: 'select' }, h('input', {
        type: 'checkbox', class: 'select-coupon', value: key, 'aria-label': `Select ${c.name}`,
        onchange: (e) => {
          if (e.target.checked) selected.set(key, { storeId: c.storeId, couponId: c.platformCouponId }); else selected.delete(key);
          draw();
        },
      })));
      return tr;
    },
  };
}
