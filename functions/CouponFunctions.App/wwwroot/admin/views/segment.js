// One segment (#/segments/{id}): its member count and reach, a page of members at a time, and for a static segment adding
// and removing members by id or from a CSV file (a column named externalId, customer id or id; sent in batches).
import { api } from '../api.js';
import { h, flash, showFieldErrors, errorSlot, formatNumber, facts, badge } from '../ui.js';
import { describeRule } from './segments.js';

const PAGE_SIZE = 50;
// The API takes at most 10,000 ids a request and 256 KiB a body: 2,000 ids of up to 64 characters stay well inside both.
const BATCH = 2000;

export async function render(root, { me, id, isCurrent }) {
  const [segment, { items: stores }] = await Promise.all([api(`/segments/${encodeURIComponent(id)}`), api('/stores')]);
  if (!isCurrent()) return;
  const storeNames = new Map(stores.map(s => [s.id, s.displayName]));
  const list = h('div', { id: 'segment-members' });
  const pages = [null];
  let at = 0;
  const load = async () => {
    const query = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
    if (pages[at]) query.set('continuation', pages[at]);
    const page = await api(`/segments/${encodeURIComponent(id)}/members?${query}`);
    pages[at + 1] = page.continuation ?? undefined;
    const go = (delta) => async () => { at += delta; await load().catch(e => flash(e.message)); };
    list.replaceChildren(page.items.length === 0 ? h('p', { class: 'empty' }, 'No members.') : h('table', { class: 'data compact', id: 'members' },
      h('thead', {}, h('tr', {}, ['Customer', 'Email', 'Mobile', 'Store', 'Tags'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.items.map(c => h('tr', { dataset: { id: c.externalId } },
        h('td', {}, c.name ?? '—', h('div', { class: 'muted mono' }, c.externalId)), h('td', {}, c.email ?? '—'), h('td', {}, c.mobile ?? '—'),
        h('td', {}, storeNames.get(c.storeId) ?? c.storeId), h('td', {}, c.tags.join(', ') || '—'))))),
    h('div', { class: 'pager' },
      h('button', { type: 'button', disabled: at === 0, onclick: go(-1) }, 'Previous'),
      h('button', { type: 'button', disabled: !page.continuation, onclick: go(1) }, 'Next')));
  };
  const count = h('span', { id: 'segment-count' }, formatNumber(segment.members));
  const reloadCount = async () => { count.textContent = formatNumber((await api(`/segments/${encodeURIComponent(id)}`)).members); };
  root.append(h('div', { class: 'card' },
    h('p', {}, h('a', { href: '#/segments', class: 'back' }, '← Segments')),
    h('div', { class: 'title-row' }, h('h1', {}, segment.name),
      me.role !== 'viewer' ? h('a', { href: `#/sends?segment=${encodeURIComponent(id)}`, id: 'send-from-segment' }, 'Send coupon') : null),
    facts([
      ['Kind', badge(segment.kind, segment.kind === 'rule' ? 'info' : '')],
      ['Rule', segment.rule ? describeRule(segment.rule, stores) : null],
      ['Members', count],
      ['Reachable', `${formatNumber(segment.reachable?.email)} by email, ${formatNumber(segment.reachable?.sms)} by SMS, ${formatNumber(segment.reachable?.emailOrSms)} by either`],
    ])),
  segment.kind === 'static' && me.role !== 'viewer' && !me.storeScope ? memberEditor(id, async () => { await reloadCount(); at = 0; await load(); }) : null,
  h('div', { class: 'card' }, h('h2', {}, 'Members'), list));
  await load();
}

function memberEditor(id, changed) {
  const form = h('form', { id: 'member-form', novalidate: true },
    h('label', { for: 'member-ids' }, 'Customer ids (one per line or comma separated)'),
    h('textarea', { id: 'member-ids', name: 'ids', rows: 3, 'aria-describedby': 'member-ids-error' }),
    errorSlot('add', 'member-ids-error'), errorSlot('remove', 'member-remove-error'),
    h('label', { for: 'member-file' }, 'or a CSV file with a customer id column'),
    h('input', { id: 'member-file', name: 'file', type: 'file', accept: '.csv,text/csv' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'add-members', value: 'add' }, 'Add members'), ' ',
      h('button', { type: 'submit', id: 'remove-members', value: 'remove' }, 'Remove members')),
    h('p', { id: 'member-outcome', class: 'muted', 'aria-live': 'polite' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = event.submitter?.value === 'remove' ? 'remove' : 'add';
    const outcome = form.querySelector('#member-outcome');
    try {
      const file = form.elements.file.files[0];
      const ids = file ? idsFromCsv(await file.text()) : form.elements.ids.value.split(/[\s,;]+/).filter(Boolean);
      if (ids.length === 0) return flash(file ? 'The file has no customer ids.' : 'Type customer ids or choose a CSV file.');
      let members = 0;
      for (let i = 0; i < ids.length; i += BATCH) {
        outcome.textContent = `${action === 'add' ? 'Adding' : 'Removing'} ${formatNumber(Math.min(i + BATCH, ids.length))} of ${formatNumber(ids.length)}…`;
        ({ members } = await api(`/segments/${encodeURIComponent(id)}/members`, { method: 'POST', body: { [action]: ids.slice(i, i + BATCH) } }));
      }
      showFieldErrors(form, null);
      form.reset();
      outcome.textContent = `${action === 'add' ? 'Added' : 'Removed'} ${formatNumber(ids.length)} id${ids.length === 1 ? '' : 's'}; the segment has ${formatNumber(members)} members.`;
      flash(outcome.textContent, 'ok');
      await changed();
    } catch (error) {
      outcome.textContent = '';
      const unplaced = showFieldErrors(form, error);
      flash(error.message === 'One or more validation errors occurred.' && unplaced.length ? unplaced.join(' ') : [error.message, ...unplaced].join(' '));
    }
  });
  return h('div', { class: 'card' }, h('h2', {}, 'Add or remove members'), form);
}

// The customer id column of a CSV (externalId, customer id or id; case, spaces, '_' and '-' ignored), de-duplicated.
export function idsFromCsv(text) {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = (rows.shift() ?? []).map(name => name.replace(/[\s_-]/g, '').toLowerCase());
  const column = header.findIndex(name => ['externalid', 'customerid', 'id'].includes(name));
  if (column < 0) throw new Error('The file needs a header row with a customer id column (externalId, customer id or id).');
  return [...new Set(rows.map(r => (r[column] ?? '').trim()).filter(Boolean))];
}

// RFC 4180: quoted fields may hold commas, line breaks and doubled quotes.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows.filter(r => r.some(f => f.trim() !== ''));
}
