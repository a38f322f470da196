// Stores: the list of connected stores and a form to add one.
import { api } from '../api.js';
import { h, flash, showFieldErrors, formatTime, badge } from '../ui.js';

const PLATFORMS = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop', shopline: 'SHOPLINE' };
const SITES = ['SG', 'MY', 'PH', 'TH', 'VN', 'ID', 'TW', 'HK', 'BR', 'MX', 'GB', 'US'];
const STATUS_KIND = { active: 'ok', disabled: '', needsReauthorization: 'bad' };

export async function render(root, { me }) {
  const canEdit = me.role !== 'viewer';
  const list = h('div', { class: 'card' }, h('h1', {}, 'Stores'), h('div', { id: 'stores-table' }, 'Loading…'));
  root.append(list);
  if (canEdit && !me.storeScope) root.append(addForm(() => refresh(root)));
  await refresh(root);
}

async function refresh(root) {
  const { items } = await api('/stores');
  const target = root.querySelector('#stores-table');
  if (items.length === 0) {
    target.replaceChildren(h('p', { class: 'empty' }, 'No stores yet. Add your first store below.'));
    return;
  }
  target.replaceChildren(h('table', { id: 'stores' },
    h('thead', {}, h('tr', {}, ['Store', 'Platform', 'Site', 'Shop id', 'Time zone', 'Status', 'Token expires', 'Added'].map(t => h('th', {}, t)))),
    h('tbody', {}, items.map(s => h('tr', { dataset: { storeId: s.id } },
      h('td', {}, h('strong', {}, s.displayName), h('div', { class: 'muted mono' }, s.id)),
      h('td', { class: 'platform' }, PLATFORMS[s.platform] ?? s.platform),
      h('td', {}, s.site),
      h('td', { class: 'mono' }, s.shopId),
      h('td', {}, s.timeZone),
      h('td', {}, badge(s.status, STATUS_KIND[s.status] ?? ''), s.statusReason ? h('div', { class: 'muted' }, s.statusReason) : null),
      h('td', {}, s.connected ? formatTime(s.tokenExpiresAt, s.timeZone) : badge('not connected', 'warn')),
      h('td', {}, formatTime(s.createdAt, s.timeZone)),
    )))));
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
