// How coupons read on the page: rewards, quantities and badges, shared by the list and the detail.
import { h, badge, formatMoney, formatNumber, COUPON_STATUS_KIND, SEVERITY_KIND } from '../ui.js';

// A field the platform has not told us yet (Shopee lists minimum spend, cap and items only in the voucher's detail):
// "unknown", never shown as zero or "none". The API sends such fields as null and names them in `unknown`.
export function isUnknown(c, field) {
  if (field === 'minSpend' && (c.minSpend === null || c.minSpend === undefined)) return true;
  return String(c.unknown ?? '').split(',').map(s => s.trim()).includes(field);
}

export function rewardText(c) {
  const cap = c.reward !== 'fixedAmount' && isUnknown(c, 'maxDiscount') ? ', cap unknown'
    : c.maxDiscount ? `, up to ${formatMoney(c.maxDiscount, c.currency)}` : '';
  switch (c.reward) {
    case 'fixedAmount': return `${formatMoney(c.discountAmount, c.currency)} off`;
    case 'percentage': return `${formatNumber(c.percentage)}% off${cap}`;
    case 'coinCashback': return `${formatNumber(c.percentage)}% coins back${cap}`;
    default: return c.reward ?? '—';
  }
}

export function minSpendText(c) {
  if (isUnknown(c, 'minSpend')) return 'min. spend unknown';
  return c.minSpend ? `min. spend ${formatMoney(c.minSpend, c.currency)}` : 'no minimum spend';
}

export function productsText(c) {
  if (c.scope !== 'product') return 'the whole shop';
  if (isUnknown(c, 'products')) return 'listed products: unknown';
  const ids = c.productIds ?? [];
  return h('span', {}, `${formatNumber(ids.length)} listed product${ids.length === 1 ? '' : 's'}`,
    ids.length ? h('div', { class: 'mono small', id: 'coupon-products' }, ids.join(', ')) : null);
}

export function statusBadge(status, rawStatus) {
  return h('span', { class: 'status' },
    badge(status, COUPON_STATUS_KIND[status] ?? ''),
    rawStatus && rawStatus.toLowerCase() !== String(status).toLowerCase() ? h('span', { class: 'muted small', title: 'The status as the platform gives it' }, rawStatus) : null);
}

export function remainingCell(remaining, total) {
  if (total === null || total === undefined) return h('span', { class: 'muted' }, 'unlimited');
  const kind = remaining === 0 ? 'bad' : '';
  return h('span', {}, h('strong', { class: kind ? `text-${kind}` : null }, formatNumber(remaining)), h('span', { class: 'muted' }, ` / ${formatNumber(total)}`));
}

export function findingsBadge(count, severity) {
  if (!count) return h('span', { class: 'muted' }, '—');
  const b = badge(`${count} ${severity ?? ''}`.trim(), SEVERITY_KIND[severity] ?? '');
  b.title = `${count} open finding${count === 1 ? '' : 's'}; the most severe is ${severity}`;
  return b;
}
