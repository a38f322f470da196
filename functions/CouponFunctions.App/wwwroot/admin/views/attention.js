// Attention: the page's home, "what needs me now", worst first. Critical findings can be acknowledged (they come back
// when they change) or snoozed until a date; each line links to where it is dealt with.
import { api } from '../api.js';
import { h, flash, time, badge } from '../ui.js';

const KINDS = {
  storeNeedsReauthorization: ['Connect again', 'bad'],
  storeSyncFailing: ['Sync failing', 'bad'],
  criticalFinding: ['Critical finding', 'bad'],
  jobFailed: ['Job failed', 'warn'],
  sendFailed: ['Send failed', 'warn'],
  couponEndingToday: ['Ends today', 'info'],
};

export async function render(root, { me }) {
  const card = h('div', { class: 'card', id: 'attention' }, h('h1', {}, 'Needs attention'), h('div', { id: 'attention-list' }, 'Loading…'));
  root.append(card);
  await refresh(card, me);
}

async function refresh(card, me) {
  const { items, acknowledgedFindings } = await api('/attention');
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const canEdit = me.role !== 'viewer';
  const list = card.querySelector('#attention-list');
  list.replaceChildren(
    h('p', { class: 'muted' }, items.length === 0 ? 'Nothing needs you now.' : `${items.length} to deal with, worst first. Store times are the store's own; others are yours (${zone}).`,
      acknowledgedFindings ? ` ${acknowledgedFindings} acknowledged finding${acknowledgedFindings === 1 ? '' : 's'} hidden until they change.` : ''),
    items.length === 0 ? null : h('table', { class: 'data', id: 'attention-table' },
      h('thead', {}, h('tr', {}, ['What', 'Store', 'Since', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(item => row(item, canEdit, () => refresh(card, me))))));
}

function row(item, canEdit, refreshAll) {
  const [label, kind] = KINDS[item.kind] ?? [item.kind, ''];
  return h('tr', { class: 'attention-item', dataset: { kind: item.kind, key: item.key } },
    h('td', {}, badge(label, kind), ' ', item.link ? h('a', { href: item.link, class: 'attention-title' }, item.title) : h('strong', { class: 'attention-title' }, item.title),
      h('div', { class: 'muted small' }, item.detail)),
    h('td', {}, item.storeName ?? h('span', { class: 'muted' }, 'workspace')),
    h('td', { class: 'nowrap' }, time(item.at, item.timeZone)),
    h('td', { class: 'actions' }, item.kind === 'criticalFinding' && canEdit ? acknowledgeControls(item, refreshAll) : null));
}

function acknowledgeControls(item, refreshAll) {
  const until = h('input', { type: 'date', class: 'snooze-until', 'aria-label': `Snooze "${item.title}" until`, min: localDate(1) });
  const send = async (snoozeUntil) => {
    try {
      await api('/findings/acknowledge', { method: 'POST', body: { storeId: item.storeId, findingKey: item.key, snoozeUntil } });
      flash(snoozeUntil ? `Snoozed until ${until.value}.` : 'Acknowledged: it comes back if it changes.', 'ok');
      await refreshAll();
    } catch (error) {
      flash(error.message);
    }
  };
  return h('div', { class: 'ack-controls' },
    h('button', { type: 'button', class: 'acknowledge', onclick: () => send(null) }, 'Acknowledge'),
    until,
    h('button', { type: 'button', class: 'snooze', onclick: () => (until.value ? send(new Date(`${until.value}T00:00:00`).toISOString()) : flash('Choose the date to snooze until.')) }, 'Snooze'));
}

function localDate(daysAhead) {
  const d = new Date();
  d.setDate(d.getDate() + daysAhead);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
