// One segment (#/segments/{id}): its member count and reach, a page of members at a time, and for a static segment adding
// and removing members by id (JSON, in batches) or from a CSV file with a customer id column (uploaded as it is).
import { api } from '../api.js';
import { h, flash, showFieldErrors, errorSlot, formatNumber, facts, badge } from '../ui.js';
import { describeRule } from './segments.js';

const PAGE_SIZE = 50;
// 2,000 ids of up to 64 characters stay well inside the API's 10,000 ids and 256 KiB a request.
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
    errorSlot('add', 'member-ids-error'), errorSlot('remove', 'member-remove-error'), errorSlot('file', 'member-file-error'),
    h('label', { for: 'member-file' }, 'or a CSV file with a customer id column'),
    h('input', { id: 'member-file', name: 'file', type: 'file', accept: '.csv,text/csv', 'aria-describedby': 'member-file-error' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'add-members', value: 'add' }, 'Add members'), ' ',
      h('button', { type: 'submit', id: 'remove-members', value: 'remove' }, 'Remove members')),
    h('p', { id: 'member-outcome', class: 'muted', 'aria-live': 'polite' }), h('div', { id: 'member-errors' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = event.submitter?.value === 'remove' ? 'remove' : 'add';
    const outcome = form.querySelector('#member-outcome');
    const errors = form.querySelector('#member-errors');
    errors.replaceChildren();
    try {
      const file = form.elements.file.files[0];
      const text = file ? null : await changeByIds(action, form.elements.ids.value.split(/[\s,;]+/).filter(Boolean), outcome);
      if (text === undefined) return flash('Type customer ids or choose a CSV file.');
      // A file goes to the server as it is: read there as it streams in, bad rows reported by row.
      const result = file ? await api(`/segments/${encodeURIComponent(id)}/members/csv?action=${action}`, { method: 'POST', file }) : null;
      showFieldErrors(form, null);
      form.reset();
      outcome.textContent = file
        ? `${action === 'add' ? 'Added' : 'Removed'} ${formatNumber(result.changed)} of ${formatNumber(result.rows)} rows; ${formatNumber(result.failed)} refused. The segment has ${formatNumber(result.members)} members.`
        : text;
      if (result?.firstErrors.length) errors.append(h('ul', { class: 'findings' }, result.firstErrors.map(e => h('li', { class: 'text-bad' }, e.reason))));
      flash(outcome.textContent, result?.failed ? 'error' : 'ok');
      await changed();
    } catch (error) {
      outcome.textContent = '';
      const unplaced = showFieldErrors(form, error);
      flash(error.message === 'One or more validation errors occurred.' && unplaced.length ? unplaced.join(' ') : [error.message, ...unplaced].join(' '));
    }
  });

  // Typed ids go as JSON, in batches the API takes (at most 10,000 ids and 256 KiB a request).
  async function changeByIds(action, ids, outcome) {
    if (ids.length === 0) return undefined;
    let members = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      outcome.textContent = `${action === 'add' ? 'Adding' : 'Removing'} ${formatNumber(Math.min(i + BATCH, ids.length))} of ${formatNumber(ids.length)}…`;
      ({ members } = await api(`/segments/${encodeURIComponent(id)}/members`, { method: 'POST', body: { [action]: ids.slice(i, i + BATCH) } }));
    }
    return `${action === 'add' ? 'Added' : 'Removed'} ${formatNumber(ids.length)} id${ids.length === 1 ? '' : 's'}; the segment has ${formatNumber(members)} members.`;
  }
  return h('div', { class: 'card' }, h('h2', {}, 'Add or remove members'), form);
}
