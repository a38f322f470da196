// Outbox: the notifications sent to this workspace (newest first) and one of them in full.
// The HTML body is shown in an iframe with sandbox="" (no scripts, no same-origin), never put into this page.
import { api } from '../api.js';
import { h, time, badge } from '../ui.js';

export async function render(root, { params }) {
  const selected = params[0] ?? null;
  // Newest first, whatever order the store lists them in.
  const [outbox, stores] = await Promise.all([api('/outbox'), api('/stores')]);
  const items = outbox.items.sort((a, b) => String(b.at).localeCompare(String(a.at)));
  const zone = outboxZone(stores.items);
  const pane = h('div', { class: 'card outbox-detail', id: 'outbox-detail', 'aria-live': 'polite' });
  root.append(h('div', { class: 'split' },
    h('div', { class: 'card outbox-list' },
      h('h1', {}, 'Outbox'),
      h('p', { class: 'muted' }, 'Digests and alerts sent to this workspace\'s recipients, newest first.'),
      items.length === 0
        ? h('p', { class: 'empty' }, 'Nothing sent yet. Digests go out after each inspection slot.')
        : h('table', { class: 'data', id: 'outbox' },
          h('thead', {}, h('tr', {}, [`Sent (${zone})`, 'Notification', 'Channel'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, items.map(n => h('tr', { class: n.id === selected ? 'selected' : null, dataset: { id: n.id, kind: n.kind } },
            h('td', {}, time(n.at, zone), h('div', {}, badge(kindText(n.kind), n.kind.includes('stock') ? 'bad' : 'info'))),
            h('td', {},
              h('a', { href: `#/outbox/${encodeURIComponent(n.id)}`, 'aria-current': n.id === selected ? 'true' : null }, n.subject),
              h('div', { class: 'muted small' }, `to ${(n.to ?? []).join(', ') || 'nobody'}`)),
            h('td', {}, n.channel)))))),
    pane));
  if (selected) await showDetail(pane, selected, zone);
  else pane.append(h('p', { class: 'muted' }, items.length ? 'Choose a notification to read it.' : ''));
}

function kindText(kind) {
  return { 'inspection.digest': 'digest', 'stock.out': 'stock-out alert' }[kind] ?? kind;
}

// Notifications cover the workspace, not one store: store-local time when every store keeps the same zone (the usual
// case of one market), otherwise the operator's own zone; the zone is named in the header either way.
function outboxZone(stores) {
  const zones = new Set(stores.map(s => s.timeZone).filter(Boolean));
  return zones.size === 1 ? [...zones][0] : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

async function showDetail(pane, id, zone) {
  const n = await api(`/outbox/${encodeURIComponent(id)}`);
  pane.append(...[
    h('h2', {}, n.subject),
    h('p', { class: 'muted small' }, time(n.at, zone), ` · ${kindText(n.kind)} · ${n.channel} · to ${(n.to ?? []).join(', ')}`),
    n.html ? h('section', { 'aria-labelledby': 'outbox-html-title' },
      h('h3', { id: 'outbox-html-title' }, 'As the email shows it'),
      h('iframe', { sandbox: '', srcdoc: n.html, title: `HTML body of "${n.subject}"`, class: 'email-frame', referrerpolicy: 'no-referrer' })) : null,
    h('section', { 'aria-labelledby': 'outbox-text-title' },
      h('h3', { id: 'outbox-text-title' }, 'Plain text'),
      h('pre', { class: 'email-text', id: 'outbox-text' }, n.text)),
  ].filter(Boolean));
}
