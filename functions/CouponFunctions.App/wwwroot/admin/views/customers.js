// Customers: search and page through them, add and edit (the API's field errors shown at the fields), delete, consent per
// channel with when and how it was given, and the CSV import (customer-import.js). Route: #/customers?search=&storeId=.
import { api } from '../api.js';
import { h, time, badge, flash, showFieldErrors, errorSlot } from '../ui.js';
import { importCard } from './customer-import.js';

const CONSENT_KIND = { granted: 'ok', denied: '', optedOut: 'bad', unknown: '' };
const CONSENT_TEXT = { granted: 'granted', denied: 'denied', optedOut: 'opted out', unknown: 'unknown' };
const PAGE_SIZE = 25;

export async function render(root, { me, query, isCurrent }) {
  const { items: stores } = await api('/stores');
  if (!isCurrent()) return;
  const storeNames = new Map(stores.map(s => [s.id, s.displayName]));
  const canEdit = me.role !== 'viewer';
  const list = h('div', { id: 'customer-list' });
  const editor = h('div', { id: 'customer-editor' });
  const state = { search: query.get('search') ?? '', storeId: query.get('storeId') ?? '', pages: [null], at: 0 };

  async function load() {
    const params = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
    if (state.search) params.set('search', state.search);
    if (state.storeId) params.set('storeId', state.storeId);
    if (state.pages[state.at]) params.set('continuation', state.pages[state.at]);
    const page = await api(`/customers?${params}`);
    if (!isCurrent()) return;
    state.pages[state.at + 1] = page.continuation ?? undefined;
    list.replaceChildren(table(page.items, storeNames, canEdit, edit, remove), pager(page));
  }

  function pager(page) {
    const go = (delta) => async () => { state.at += delta; await load().catch(e => flash(e.message)); };
    return h('div', { class: 'pager' },
      h('span', { class: 'muted', id: 'customer-page' }, `Page ${state.at + 1}`),
      h('button', { type: 'button', id: 'customers-prev', disabled: state.at === 0, onclick: go(-1) }, 'Previous'),
      h('button', { type: 'button', id: 'customers-next', disabled: !page.continuation, onclick: go(1) }, 'Next'));
  }

  function edit(customer) {
    editor.replaceChildren(customerForm(stores, customer, async (saved, created) => {
      editor.replaceChildren();
      flash(`${created ? 'Added' : 'Saved'} ${saved.name ?? saved.externalId}.`, 'ok');
      await load();
    }, () => editor.replaceChildren()));
    editor.querySelector('input:not([readonly])')?.focus();
  }

  async function remove(customer) {
    if (!confirm(`Delete customer ${customer.externalId}? It leaves every segment and is never sent to again.`)) return;
    try {
      await api(`/customers/${encodeURIComponent(customer.externalId)}`, { method: 'DELETE' });
      flash(`Deleted ${customer.externalId}.`, 'ok');
      await load();
    } catch (error) { flash(error.message); }
  }

  const search = h('form', { class: 'toolbar', id: 'customer-search', role: 'search', onsubmit: async (event) => {
    event.preventDefault();
    const f = event.currentTarget.elements;
    Object.assign(state, { search: f.search.value.trim(), storeId: f.storeId.value, pages: [null], at: 0 });
    history.replaceState(null, '', `#/customers?${new URLSearchParams(Object.entries({ search: state.search, storeId: state.storeId }).filter(([, v]) => v))}`);
    try { await load(); } catch (error) { flash(error.message); }
  } },
  h('div', {}, h('label', { for: 'customer-search-text' }, 'Search'), h('input', { id: 'customer-search-text', name: 'search', type: 'search', value: state.search, placeholder: 'id, name, email or mobile' })),
  h('div', {}, h('label', { for: 'customer-search-store' }, 'Store'), h('select', { id: 'customer-search-store', name: 'storeId' },
    h('option', { value: '' }, 'Every store'), stores.map(s => h('option', { value: s.id, selected: s.id === state.storeId }, s.displayName)))),
  h('button', { type: 'submit' }, 'Search'));

  root.append(h('div', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Customers'),
      canEdit ? h('button', { type: 'button', id: 'add-customer', onclick: () => edit(null) }, 'Add customer') : null),
    search, editor, list));
  if (canEdit && !me.storeScope) root.append(importCard(stores, load));
  await load();
}

function consent(c) {
  const status = c?.status ?? 'unknown';
  return h('div', { class: 'status' }, badge(CONSENT_TEXT[status] ?? status, CONSENT_KIND[status] ?? ''),
    c?.at || c?.source ? h('span', { class: 'muted small' }, c.at ? time(c.at) : '', c.source ? ` · ${c.source}` : '') : null);
}

function table(items, storeNames, canEdit, edit, remove) {
  if (items.length === 0) return h('p', { class: 'empty' }, 'No customers match.');
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data', id: 'customers' },
    h('thead', {}, h('tr', {}, ['Customer', 'Email', 'Mobile', 'Store', 'Tags', 'Email consent', 'SMS consent', 'Updated', ''].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(c => h('tr', { dataset: { id: c.externalId } },
      h('td', {}, h('strong', {}, c.name ?? '—'), h('div', { class: 'muted mono' }, c.externalId)),
      h('td', { class: 'wrap' }, c.email ?? '—'), h('td', { class: 'nowrap' }, c.mobile ?? '—'),
      h('td', {}, storeNames.get(c.storeId) ?? c.storeId), h('td', {}, c.tags.join(', ') || '—'),
      h('td', { class: 'consent-email' }, consent(c.emailConsent)), h('td', { class: 'consent-sms' }, consent(c.smsConsent)),
      h('td', {}, time(c.updatedAt)),
      h('td', { class: 'actions' }, canEdit ? [
        h('button', { type: 'button', class: 'edit-customer', onclick: () => edit(c) }, 'Edit'),
        h('button', { type: 'button', class: 'delete-customer', onclick: () => remove(c) }, 'Delete')] : null))))));
}

function input(label, name, attrs = {}) {
  const id = `customer-${name.replace('.', '-')}`;
  return h('div', {}, h('label', { for: id }, label),
    h('input', { id, name, 'aria-describedby': `${id}-error`, ...attrs }), errorSlot(name, `${id}-error`));
}

function consentField(label, name, current) {
  const id = `customer-${name}`;
  const status = current?.status ?? 'unknown';
  return h('fieldset', { class: 'consent-field' }, h('legend', {}, label),
    h('select', { id, name: `${name}.status`, 'aria-label': `${label} status` },
      ['unknown', 'granted', 'denied', 'optedOut'].map(s => h('option', { value: s, selected: s === status }, CONSENT_TEXT[s]))),
    errorSlot(`${name}.status`, `${id}-status-error`),
    h('input', { name: `${name}.source`, placeholder: 'How (e.g. checkout, in-store form)', value: current?.source ?? '', 'aria-label': `${label}: how it was given` }),
    errorSlot(`${name}.source`, `${id}-source-error`),
    current?.at ? h('p', { class: 'hint' }, 'Given or changed ', time(current.at)) : null);
}

// Add (POST, upsert by external id) or edit (PATCH: the fields shown; consent only when its status or source changed).
function customerForm(stores, customer, saved, cancel) {
  const form = h('form', { class: 'card', id: 'customer-form', novalidate: true },
    h('h2', {}, customer ? `Edit ${customer.externalId}` : 'Add a customer'),
    h('div', { class: 'grid' },
      input('External id', 'externalId', { value: customer?.externalId ?? '', readonly: Boolean(customer), required: true }),
      input('Name', 'name', { value: customer?.name ?? '' }),
      input('Email', 'email', { type: 'email', value: customer?.email ?? '' }),
      input('Mobile (E.164 or local)', 'mobile', { type: 'tel', value: customer?.mobile ?? '' }),
      h('div', {}, h('label', { for: 'customer-storeId' }, 'Store'),
        h('select', { id: 'customer-storeId', name: 'storeId' }, stores.map(s => h('option', { value: s.id, selected: s.id === customer?.storeId }, s.displayName))),
        errorSlot('storeId', 'customer-storeId-error')),
      input('Tags (comma separated)', 'tags', { value: customer?.tags.join(', ') ?? '' })),
    h('div', { class: 'grid' }, consentField('Email consent', 'emailConsent', customer?.emailConsent), consentField('SMS consent', 'smsConsent', customer?.smsConsent)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, customer ? 'Save' : 'Add customer'), ' ',
      h('button', { type: 'button', onclick: cancel }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = form.elements;
    const consentOf = (name) => {
      const status = f[`${name}.status`].value;
      const source = f[`${name}.source`].value.trim() || null;
      const before = customer?.[name];
      if (customer && status === (before?.status ?? 'unknown') && source === (before?.source ?? null)) return undefined;
      return status === 'unknown' && !customer ? undefined : { status, source };
    };
    // An emptied field clears it on edit (PATCH is a JSON merge patch: null clears); on add it is simply not given.
    const text = (field) => field.value.trim() || (customer ? null : undefined);
    const body = {
      name: text(f.name), email: text(f.email), mobile: text(f.mobile), storeId: f.storeId.value,
      tags: f.tags.value.split(',').map(t => t.trim()).filter(Boolean),
      emailConsent: consentOf('emailConsent'), smsConsent: consentOf('smsConsent'),
    };
    try {
      const result = customer
        ? await api(`/customers/${encodeURIComponent(customer.externalId)}`, { method: 'PATCH', body })
        : await api('/customers', { method: 'POST', body: { externalId: f.externalId.value.trim(), ...body } });
      showFieldErrors(form, null);
      await saved(result, !customer);
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash(unplaced.length ? unplaced.join(' ') : error.message);
    }
  });
  return form;
}
