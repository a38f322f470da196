// Segments: the list with member counts and reach, create and edit static and rule-based segments, delete; a segment's
// page (#/segments/{id}) is in segment.js. "Send coupon" opens the sends view with the segment chosen.
import { api } from '../api.js';
import { h, flash, showFieldErrors, errorSlot, formatNumber, time, badge } from '../ui.js';

export async function render(root, { me, params, isCurrent }) {
  if (params.length >= 1) return (await import('./segment.js')).render(root, { me, id: params[0], isCurrent });
  const [{ items }, { items: stores }] = await Promise.all([api('/segments'), api('/stores')]);
  // The list has no counts; each segment's own answer has its members and reach now.
  const details = await Promise.all(items.map(s => api(`/segments/${encodeURIComponent(s.id)}`).catch(() => s)));
  if (!isCurrent()) return;
  const canEdit = me.role !== 'viewer' && !me.storeScope;
  const editor = h('div', { id: 'segment-editor' });
  const refresh = async () => { root.replaceChildren(); await render(root, { me, params, isCurrent }); };
  const edit = (segment) => {
    editor.replaceChildren(segmentForm(stores, segment, async (saved) => { flash(`Saved ${saved.name}.`, 'ok'); await refresh(); }, () => editor.replaceChildren()));
    editor.querySelector('input')?.focus();
  };
  root.append(h('div', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Segments'), canEdit ? h('button', { type: 'button', id: 'new-segment', onclick: () => edit(null) }, 'New segment') : null),
    editor,
    details.length === 0 ? h('p', { class: 'empty' }, 'No segments yet.') : h('table', { class: 'data', id: 'segments' },
      h('thead', {}, h('tr', {}, ['Segment', 'Kind', 'Members', 'Reachable by email', 'Reachable by SMS', 'Updated', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, details.map(s => h('tr', { dataset: { id: s.id } },
        h('td', {}, h('a', { href: `#/segments/${encodeURIComponent(s.id)}`, class: 'segment-name' }, s.name), s.rule ? h('div', { class: 'muted small' }, describeRule(s.rule, stores)) : null),
        h('td', {}, badge(s.kind, s.kind === 'rule' ? 'info' : '')),
        h('td', { class: 'num members' }, formatNumber(s.members)),
        h('td', { class: 'num' }, formatNumber(s.reachable?.email)), h('td', { class: 'num' }, formatNumber(s.reachable?.sms)),
        h('td', {}, time(s.updatedAt)),
        h('td', { class: 'actions' },
          me.role !== 'viewer' ? h('a', { href: `#/sends?segment=${encodeURIComponent(s.id)}`, class: 'send-coupon' }, 'Send coupon') : null,
          canEdit ? [' ', h('button', { type: 'button', class: 'edit-segment', onclick: () => edit(s) }, 'Edit'),
            h('button', { type: 'button', class: 'delete-segment', onclick: async () => {
              if (!confirm(`Delete segment "${s.name}"? Its customers are kept.`)) return;
              try {
                await api(`/segments/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
                flash(`Deleted ${s.name}.`, 'ok');
                await refresh();
              } catch (error) { flash(error.message); }
            } }, 'Delete')] : null)))))));
}

export function describeRule(rule, stores) {
  const parts = [];
  if (rule.tagsAny?.length) parts.push(`tagged any of ${rule.tagsAny.join(', ')}`);
  if (rule.tagsAll?.length) parts.push(`tagged all of ${rule.tagsAll.join(', ')}`);
  if (rule.storeId) parts.push(`of ${stores.find(s => s.id === rule.storeId)?.displayName ?? rule.storeId}`);
  if (rule.emailConsent !== null && rule.emailConsent !== undefined) parts.push(rule.emailConsent ? 'email consent given' : 'no email consent');
  if (rule.smsConsent !== null && rule.smsConsent !== undefined) parts.push(rule.smsConsent ? 'SMS consent given' : 'no SMS consent');
  if (rule.createdWithinDays) parts.push(`added in the last ${rule.createdWithinDays} days`);
  return parts.length ? `Customers ${parts.join(', ')}` : 'Every customer';
}

const tagList = (text) => text.split(',').map(t => t.trim()).filter(Boolean);
const tristate = (value) => (value === '' ? null : value === 'true');

function field(label, name, control, hint) {
  const id = `segment-${name.replace('.', '-')}`;
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', {}, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null, errorSlot(name, `${id}-error`));
}

function consentSelect(name, value) {
  const current = value === null || value === undefined ? '' : String(value);
  return h('select', { name }, [['', 'Either'], ['true', 'Given'], ['false', 'Not given']].map(([v, t]) => h('option', { value: v, selected: v === current }, t)));
}

// Create (POST) or replace name and rule (PUT; the kind stays, static members change on the segment's page).
function segmentForm(stores, segment, saved, cancel) {
  const rule = segment?.rule ?? {};
  const kind = h('select', { name: 'kind', disabled: Boolean(segment) }, ['static', 'rule'].map(k => h('option', { value: k, selected: k === (segment?.kind ?? 'static') }, k === 'static' ? 'Static (chosen customers)' : 'Rule (customers who match)')));
  const ruleFields = h('fieldset', { id: 'segment-rule' }, h('legend', {}, 'Rule'), h('div', { class: 'grid' },
    field('Any of these tags', 'rule.tagsAny', h('input', { name: 'rule.tagsAny', value: (rule.tagsAny ?? []).join(', ') }), 'Comma separated'),
    field('All of these tags', 'rule.tagsAll', h('input', { name: 'rule.tagsAll', value: (rule.tagsAll ?? []).join(', ') })),
    field('Store', 'rule.storeId', h('select', { name: 'rule.storeId' }, h('option', { value: '' }, 'Any store'), stores.map(s => h('option', { value: s.id, selected: s.id === rule.storeId }, s.displayName)))),
    field('Email consent', 'rule.emailConsent', consentSelect('rule.emailConsent', rule.emailConsent)),
    field('SMS consent', 'rule.smsConsent', consentSelect('rule.smsConsent', rule.smsConsent)),
    field('Added within (days)', 'rule.createdWithinDays', h('input', { name: 'rule.createdWithinDays', type: 'number', min: 1, value: rule.createdWithinDays ?? '' }))),
  errorSlot('rule', 'segment-rule-error'));
  const members = segment ? null : field('Customer ids (optional, one per line or comma separated)', 'memberIds', h('textarea', { name: 'memberIds', rows: 3 }));
  const form = h('form', { class: 'card', id: 'segment-form', novalidate: true },
    h('h2', {}, segment ? `Edit ${segment.name}` : 'New segment'),
    h('div', { class: 'grid' }, field('Name', 'name', h('input', { name: 'name', value: segment?.name ?? '', required: true })), field('Kind', 'kind', kind)),
    ruleFields, members,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, segment ? 'Save' : 'Create segment'), ' ', h('button', { type: 'button', onclick: cancel }, 'Cancel')));
  const sync = () => {
    ruleFields.hidden = kind.value !== 'rule';
    if (members) members.hidden = kind.value === 'rule';
  };
  kind.addEventListener('change', sync);
  sync();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = form.elements;
    const isRule = kind.value === 'rule';
    const days = f['rule.createdWithinDays'].value;
    const body = {
      name: f.name.value.trim(), kind: kind.value,
      rule: isRule ? {
        tagsAny: tagList(f['rule.tagsAny'].value), tagsAll: tagList(f['rule.tagsAll'].value), storeId: f['rule.storeId'].value || null,
        emailConsent: tristate(f['rule.emailConsent'].value), smsConsent: tristate(f['rule.smsConsent'].value), createdWithinDays: days ? Number(days) : null,
      } : null,
      memberIds: !segment && !isRule ? f.memberIds.value.split(/[\s,;]+/).filter(Boolean) : null,
    };
    try {
      const result = segment
        ? await api(`/segments/${encodeURIComponent(segment.id)}`, { method: 'PUT', body })
        : await api('/segments', { method: 'POST', body });
      showFieldErrors(form, null);
      await saved(result);
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash(unplaced.length ? unplaced.join(' ') : error.message);
    }
  });
  return form;
}
