// Sends: "Send coupon" (send-form.js; #/sends?segment={id} comes from a segment) and the list of sends with status and
// counts, cancel while the send has not started (the server's reason shown when it refuses), and the failure report's
// read-only link while it is valid. The list refreshes itself while a send is running or about to start.
import { api } from '../api.js';
import { h, time, badge, flash, formatNumber, couponHref } from '../ui.js';
import { sendForm } from './send-form.js';

const STATUS_KIND = { scheduled: 'info', running: 'warn', done: 'ok', failed: 'bad', cancelled: '' };
const REFRESH_MS = 3000;
const IDLE_REFRESH_MS = 60_000;
const SOON_MS = 5 * 60_000;
// "name (code)" per store/coupon, kept across the list's refreshes (a send's coupon does not change).
const couponLabels = new Map();

async function labelCoupons(items) {
  const missing = [...new Set(items.map(s => `${s.storeId}/${s.couponId}`))].filter(key => !couponLabels.has(key)).slice(0, 20);
  await Promise.all(missing.map(async key => {
    const at = key.indexOf('/');
    const [storeId, couponId] = [key.slice(0, at), key.slice(at + 1)];
    const detail = await api(`/coupons/${encodeURIComponent(storeId)}/${encodeURIComponent(couponId)}`).catch(() => null);
    couponLabels.set(key, detail ? `${detail.coupon.name} (${detail.coupon.code ?? 'no code'})` : couponId);
  }));
}

export async function render(root, { me, query, isCurrent }) {
  const [{ items: stores }, { items: segments }] = await Promise.all([api('/stores'), api('/segments')]);
  if (!isCurrent()) return;
  const list = h('div', { class: 'card', id: 'send-list' });
  const names = { segments: new Map(segments.map(s => [s.id, s.name])), stores: new Map(stores.map(s => [s.id, s])) };
  let timer = null;
  const load = async () => {
    clearTimeout(timer);
    const { items } = await api('/sends');
    await labelCoupons(items);
    if (!isCurrent()) return;
    // Each finished send with failures: its report's state and link come with the send itself.
    const reports = new Map(await Promise.all(items.filter(s => s.counts.failed > 0 && (s.status === 'done' || s.status === 'failed'))
      .slice(0, 20).map(async s => [s.id, (await api(`/sends/${encodeURIComponent(s.id)}`).catch(() => s)).report])));
    list.replaceChildren(h('h2', {}, 'Sends'), items.length === 0 ? h('p', { class: 'empty' }, 'No sends yet.') : h('div', { class: 'table-scroll' }, h('table', { class: 'data', id: 'sends' },
      h('thead', {}, h('tr', {}, ['Scheduled', 'Segment', 'Store · coupon', 'Channels', 'Status', 'Recipients', 'Sent', 'Failed', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(s => sendRow(s, names, reports.get(s.id), me, load))))));
    // Often while a send runs or is about to start; now and then while one waits for its hour.
    const soon = items.some(s => s.status === 'running' || (s.status === 'scheduled' && new Date(s.scheduledAt) - Date.now() < SOON_MS));
    if (soon || items.some(s => s.status === 'scheduled')) {
      timer = setTimeout(() => { if (isCurrent()) load().catch(() => {}); }, soon ? REFRESH_MS : IDLE_REFRESH_MS);
    }
  };
  const preview = h('div', { class: 'card', id: 'send-preview', 'aria-live': 'polite' }, h('h2', {}, 'Preview'),
    h('p', { class: 'muted' }, 'Preview shows the email and SMS as a member gets them, the SMS length, encoding and parts, and how many members each channel reaches.'));
  if (me.role !== 'viewer' && segments.length) {
    root.append(h('div', { class: 'split' },
      h('div', { class: 'card' }, h('h1', {}, 'Send coupon'),
        h('p', { class: 'muted' }, 'Placeholders: {{customer.name}}, {{coupon.name}}, {{coupon.code}}, {{coupon.endsAt}}, {{claimUrl}}.'),
        sendForm(stores, segments, { segmentId: query.get('segment'), preview, scheduled: async (send) => {
          flash(`The send is scheduled for ${new Date(send.scheduledAt).toLocaleString()}.`, 'ok');
          history.replaceState(null, '', '#/sends');
          await load();
          list.querySelector(`tr[data-id="${CSS.escape(send.id)}"]`)?.scrollIntoView({ block: 'center' });
        } })),
      preview));
  } else if (!segments.length) {
    root.append(h('div', { class: 'card' }, h('h1', {}, 'Send coupon'), h('p', { class: 'empty' }, 'Make a segment first: ', h('a', { href: '#/segments' }, 'Segments'), '.')));
  }
  root.append(list);
  await load();
}

function sendRow(s, names, report, me, refresh) {
  const actions = h('td', { class: 'actions' });
  if (s.canCancel && me.role !== 'viewer') actions.append(h('button', { type: 'button', class: 'cancel-send', onclick: async (event) => {
    event.currentTarget.disabled = true;
    try {
      await api(`/sends/${encodeURIComponent(s.id)}/cancel`, { method: 'POST' });
      flash('The send was cancelled.', 'ok');
    } catch (error) {
      flash(`The send cannot be cancelled: ${error.message}`);
    }
    await refresh();
  } }, 'Cancel'));
  if (report?.status === 'available' && report.link) {
    actions.append(h('a', { href: report.link, class: 'report-link', download: `send-${s.id}-failures.csv`, rel: 'noopener' }, 'Failure report (CSV)'),
      h('div', { class: 'muted small' }, 'until ', time(report.expiresAt)));
  } else if (report?.status === 'expired') {
    actions.append(h('span', { class: 'muted small report-expired' }, 'The failure report was kept for 7 days; it has expired.'));
  }
  const store = names.stores.get(s.storeId);
  return h('tr', { dataset: { id: s.id, status: s.status } },
    h('td', {}, time(s.scheduledAt, store?.timeZone), store ? h('div', { class: 'muted small' }, 'store time') : null),
    h('td', {}, h('a', { href: `#/segments/${encodeURIComponent(s.segmentId)}` }, names.segments.get(s.segmentId) ?? s.segmentId)),
    h('td', {}, store?.displayName ?? s.storeId,
      h('div', {}, h('a', { href: couponHref(s.storeId, s.couponId), class: 'small' }, couponLabels.get(`${s.storeId}/${s.couponId}`) ?? s.couponId))),
    h('td', {}, [...s.channels].join(', ')),
    h('td', { class: 'send-status' }, badge(s.status, STATUS_KIND[s.status] ?? ''),
      s.finishedAt ? h('div', { class: 'muted small' }, time(s.finishedAt)) : null),
    h('td', { class: 'num' }, formatNumber(s.counts.recipients)),
    h('td', { class: 'num sent' }, formatNumber(s.counts.sent)), h('td', { class: 'num failed' }, formatNumber(s.counts.failed)), actions);
}
