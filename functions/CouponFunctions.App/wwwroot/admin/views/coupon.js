// One coupon: the unified fields, lifecycle, open findings, what sync saw change, and the platform's raw fields.
import { api } from '../api.js';
import { h, badge, time, facts, formatMoney, formatNumber, formatPercent, platformName, SEVERITY_KIND } from '../ui.js';
import { rewardText, statusBadge, remainingCell, isUnknown, productsText } from './coupon-format.js';
import { LAST_LIST } from './coupons.js';

// History values that are instants are shown in the store's zone like every other time.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export async function render(root, { params }) {
  const [storeId, couponId] = params;
  const back = h('a', { href: sessionStorage.getItem(LAST_LIST) ?? '#/coupons', class: 'back' }, '← Back to the coupon list');
  root.append(h('p', {}, back));
  const detail = await api(`/coupons/${encodeURIComponent(storeId)}/${encodeURIComponent(couponId)}`);
  const { store, coupon: c } = detail;
  const zone = store.timeZone;
  const rate = c.claimedCount ? (c.usedCount ?? 0) / c.claimedCount : null;

  root.append(
    h('div', { class: 'card', id: 'coupon-detail' },
      h('div', { class: 'title-row' },
        h('div', {},
          h('h1', {}, c.name),
          h('p', { class: 'muted' }, `${store.displayName} · ${platformName(store.platform)} · ${store.site} · times in ${zone}`)),
        h('div', { class: 'badges' }, statusBadge(c.status, c.rawStatus), detail.removedAt ? badge('removed from the platform', 'bad') : null)),
      h('div', { class: 'columns' },
        h('section', { 'aria-labelledby': 'unified-title' },
          h('h2', { id: 'unified-title' }, 'Coupon'),
          facts([
            ['Code', c.code ? h('span', { class: 'mono' }, c.code) : 'none (collectible)'],
            ['Platform id', h('span', { class: 'mono' }, c.platformCouponId)],
            ['Applies to', productsText(c)],
            ['Reward', rewardText(c)],
            ['Minimum spend', isUnknown(c, 'minSpend') ? 'unknown' : c.minSpend ? formatMoney(c.minSpend, c.currency) : 'none'],
            ['Currency', c.currency],
            ['Per buyer', c.perBuyerLimit ? `${formatNumber(c.perBuyerLimit)} each` : 'no limit'],
          ])),
        h('section', { 'aria-labelledby': 'usage-title' },
          h('h2', { id: 'usage-title' }, 'Stock and usage'),
          facts([
            ['Remaining', remainingCell(detail.remaining, c.totalQuantity)],
            ['Claimed', formatNumber(c.claimedCount)],
            ['Used', formatNumber(c.usedCount)],
            ['Redemption rate', formatPercent(rate)],
            ['Out of stock since', time(detail.stockOutSince, zone)],
          ])),
        h('section', { 'aria-labelledby': 'times-title' },
          h('h2', { id: 'times-title' }, 'Lifecycle'),
          facts([
            ['Valid from', time(c.validFrom, zone)],
            ['Valid to', time(c.validTo, zone)],
            ['Claimable', c.claimStart || c.claimEnd ? h('span', {}, time(c.claimStart, zone), ' – ', time(c.claimEnd, zone)) : 'while valid'],
            ['First seen', time(detail.firstSeenAt, zone)],
            ['Last changed', time(detail.lastChangedAt, zone)],
            ['Removed', time(detail.removedAt, zone)],
          ])))),
    findingsCard(detail.findings),
    historyCard(detail.history, zone),
    platformFieldsCard(detail.platformFields ?? c.platformFields ?? {}));
}

function findingsCard(findings) {
  return h('div', { class: 'card', id: 'coupon-findings' },
    h('h2', {}, `Open findings (${findings.length})`),
    findings.length === 0
      ? h('p', { class: 'muted' }, 'The latest inspection found nothing wrong with this coupon.')
      : h('ul', { class: 'findings' }, findings.map(f => h('li', {},
        badge(f.finding.severity, SEVERITY_KIND[f.finding.severity] ?? ''), ' ', badge(f.state, f.state === 'new' ? 'bad' : 'warn'), ' ',
        h('strong', {}, f.finding.message),
        h('div', { class: 'muted' }, f.finding.action)))));
}

function historyCard(history, zone) {
  const change = (c) => h('li', {},
    h('span', { class: 'field-name' }, c.field), ': ',
    value(c.from, zone), h('span', { class: 'arrow', 'aria-label': 'changed to' }, ' → '), value(c.to, zone));
  const entry = (e) => h('tr', {},
    h('td', { class: 'nowrap' }, time(e.at, zone)),
    h('td', {}, e.changes.length === 0
      ? h('span', { class: 'muted' }, 'First seen by sync.')
      : h('ul', { class: 'changes' }, e.changes.map(change))));
  return h('div', { class: 'card', id: 'coupon-history' },
    h('h2', {}, 'Change history'),
    history.length === 0
      ? h('p', { class: 'muted' }, 'No changes seen since sync first found this coupon.')
      : h('table', { class: 'data history' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'What changed'))),
        h('tbody', {}, history.map(entry))));
}

function value(text, zone) {
  if (text === null || text === undefined || text === '') return h('span', { class: 'muted' }, '(none)');
  return INSTANT.test(text) ? time(text, zone) : h('span', { class: 'value' }, text);
}

function platformFieldsCard(fields) {
  const entries = Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
  return h('div', { class: 'card', id: 'platform-fields' },
    h('h2', {}, 'Platform fields'),
    h('p', { class: 'muted' }, 'Exactly as the platform returned them at the last sync.'),
    entries.length === 0
      ? h('p', { class: 'muted' }, 'None kept.')
      : h('table', { class: 'data kv compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Value'))),
        h('tbody', {}, entries.map(([k, v]) => h('tr', {}, h('td', { class: 'mono' }, k), h('td', { class: 'mono wrap' }, v))))));
}
