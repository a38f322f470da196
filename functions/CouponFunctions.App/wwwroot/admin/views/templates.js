// Templates: the list (filtered by campaign) and the editor. Saving sends the template's ETag back as If-Match, so a
// change someone else saved in between is never overwritten: the page says so and offers to reload.
import { api, apiWithHeaders } from '../api.js';
import { h, flash, flashAfterNavigation, time, badge } from '../ui.js';
import { templateForm, readTemplate, placeErrors } from './template-form.js';

export async function render(root, context) {
  const [id] = context.params;
  if (id === undefined) return list(root, context);
  return edit(root, context, id === 'new' ? null : id);
}

function canWrite(me) {
  // Templates are workspace-wide: editors and admins without a store scope write them.
  return me.role !== 'viewer' && !me.storeScope;
}

async function list(root, { me, query }) {
  const campaign = query.get('campaign')?.trim() ?? '';
  const { items, continuation } = await api(`/templates?pageSize=200${campaign ? `&campaign=${encodeURIComponent(campaign)}` : ''}`);
  const filter = h('form', { id: 'template-filter', class: 'filter-row', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const value = e.currentTarget.campaign.value.trim();
    location.hash = `#/templates${value ? `?campaign=${encodeURIComponent(value)}` : ''}`;
  } },
  h('div', { class: 'filter' }, h('label', { for: 'template-campaign' }, 'Campaign'),
    h('input', { id: 'template-campaign', name: 'campaign', type: 'search', value: campaign, placeholder: 'e.g. Payday or payday' })),
  h('div', { class: 'filter-actions' }, h('button', { type: 'submit' }, 'Filter'),
    campaign ? h('a', { href: '#/templates', class: 'button-link' }, 'All campaigns') : null));
  root.append(h('div', { class: 'card' },
    h('div', { class: 'title-row' }, h('h1', {}, 'Templates'),
      canWrite(me) ? h('a', { href: '#/templates/new', class: 'button-link primary', id: 'new-template' }, 'New template') : null),
    h('p', { class: 'muted' }, 'A template is a coupon to create in many stores: edit it here, then deploy it after a per-store preview.'),
    filter,
    items.length === 0
      ? h('p', { class: 'empty' }, campaign ? `No template in campaign "${campaign}".` : 'No templates yet.')
      : h('table', { class: 'data', id: 'templates' },
        h('thead', {}, h('tr', {}, ['Template', 'Campaign', 'Discount', 'Quantity', 'Validity', 'Updated', ''].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map(t => row(t, me)))),
    continuation ? h('p', { class: 'muted small' }, 'More than 200 templates: filter by campaign to see the rest.') : null));
}

function row(t, me) {
  return h('tr', { dataset: { templateId: t.id } },
    h('td', {}, h('a', { href: `#/templates/${encodeURIComponent(t.id)}`, class: 'template-name' }, t.name),
      h('div', { class: 'muted small mono' }, codeText(t.code))),
    h('td', {}, t.campaign ? h('a', { href: `#/templates?campaign=${encodeURIComponent(t.campaign.tag)}` }, t.campaign.name) : h('span', { class: 'muted' }, '—')),
    h('td', {}, discountText(t.discount)),
    h('td', { class: 'num' }, String(t.totalQuantity)),
    h('td', {}, validityText(t.validity)),
    h('td', { class: 'nowrap' }, time(t.updatedAt)),
    h('td', { class: 'actions' }, me.role !== 'viewer' ? h('a', { href: `#/deploy/${encodeURIComponent(t.id)}`, class: 'button-link deploy-template' }, 'Deploy…') : null));
}

export function codeText(code) {
  return code.mode === 'fixed' ? code.value : `${code.value}+${code.suffixLength ?? 4} per store`;
}

export function discountText(d) {
  const money = (m) => Object.entries(m ?? {}).map(([c, v]) => `${c} ${v}`).join(' / ');
  if (d.type === 'percentage') return `${d.percentage}% off${d.cap && Object.keys(d.cap).length ? `, up to ${money(d.cap)}` : ''}`;
  if (d.type === 'fixedAmount') return `${money(d.amount)} off`;
  return 'Free shipping';
}

export function validityText(v) {
  return v.type === 'absolute'
    ? `${v.start.replace('T', ' ')} → ${v.end.replace('T', ' ')} (each store's time)`
    : `${v.startAfterHours ?? 0} h after deploy, for ${v.durationDays} day${v.durationDays === 1 ? '' : 's'}`;
}

async function edit(root, { me, isCurrent }, id) {
  let template = null;
  let etag = null;
  if (id) {
    const loaded = await apiWithHeaders(`/templates/${encodeURIComponent(id)}`);
    if (!isCurrent()) return;
    template = loaded.data;
    etag = loaded.headers.get('ETag');
  }
  const writable = canWrite(me);
  const conflict = h('div', { class: 'note conflict', id: 'template-conflict', role: 'alert', hidden: true });
  const form = templateForm(template, !writable);
  const save = h('button', { type: 'submit', class: 'primary', id: 'save-template', disabled: !writable }, id ? 'Save changes' : 'Create template');
  const remove = id && writable ? h('button', { type: 'button', id: 'delete-template', onclick: del }, 'Delete') : null;
  form.append(h('div', { class: 'toolbar' }, save, remove,
    id && me.role !== 'viewer' ? h('a', { href: `#/deploy/${encodeURIComponent(id)}`, class: 'button-link', id: 'deploy-template' }, 'Deploy…') : null,
    h('a', { href: '#/templates', class: 'back' }, 'Back to templates')));
  form.addEventListener('submit', submit);
  root.append(h('div', { class: 'card', id: 'template-editor' },
    h('div', { class: 'title-row' }, h('h1', {}, template ? template.name : 'New template'),
      template?.campaign ? badge(template.campaign.name, 'info') : null),
    template ? h('p', { class: 'muted small' }, 'Last saved ', time(template.updatedAt), '.') : null,
    writable ? null : h('p', { class: 'note' }, 'Templates are workspace-wide: only an editor or admin key without a store scope can change them.'),
    conflict, form));

  async function submit(event) {
    event.preventDefault();
    save.disabled = true;
    try {
      const body = readTemplate(form, template);
      const saved = id
        ? await apiWithHeaders(`/templates/${encodeURIComponent(id)}`, { method: 'PUT', body, headers: { 'If-Match': etag } })
        : await apiWithHeaders('/templates', { method: 'POST', body });
      placeErrors(form, null);
      if (id) {
        flash('Template saved.', 'ok');
        template = saved.data;
        etag = saved.headers.get('ETag');
      } else {
        flashAfterNavigation('Template created.');
        location.hash = `#/templates/${encodeURIComponent(saved.data.id)}`;
      }
    } catch (error) {
      if (error.status === 412) return showConflict('saved');
      const unplaced = placeErrors(form, error);
      flash(error.status === 400 ? ['Fix the highlighted fields.', ...unplaced].join(' ') : error.message);
    } finally {
      save.disabled = !writable;
    }
  }

  async function del() {
    if (!confirm(`Delete the template "${template.name}"? Coupons already deployed from it stay.`)) return;
    try {
      await api(`/templates/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { 'If-Match': etag } });
      flashAfterNavigation(`Deleted the template "${template.name}".`);
      location.hash = '#/templates';
    } catch (error) {
      if (error.status === 412) showConflict('deleted');
      else flash(error.message);
    }
  }

  function showConflict(verb) {
    conflict.replaceChildren(
      h('strong', {}, 'This template was changed by someone else since you opened it. '),
      `Nothing was ${verb}. Reload to see their version, then make your change again.`,
      ' ', h('button', { type: 'button', id: 'reload-template', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) }, 'Reload'));
    conflict.hidden = false;
    flash('');
  }
}
