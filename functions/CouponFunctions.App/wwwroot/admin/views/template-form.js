// The template editor's form: inputs named after the API's field paths ("discount.percentage", "validity.start") so the
// API's 400 lands at the field; amounts per currency are written "THB 50, PHP 100".
import { h, errorSlot } from '../ui.js';

function field(label, name, control, hint) {
  const id = `template-${name.replace(/\./g, '-')}`;
  Object.assign(control, { id, name });
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', { class: 'filter template-field', dataset: { field: name } },
    h('label', { for: id }, label), control, hint ? h('p', { class: 'hint' }, hint) : null, errorSlot(name, `${id}-error`));
}

function input(value, attrs = {}) {
  return h('input', { type: 'text', value: value ?? '', ...attrs });
}

function select(options, value) {
  const el = h('select', {}, options.map(([v, t]) => h('option', { value: v }, t)));
  el.value = value;
  return el;
}

export function moneyText(map) {
  return Object.entries(map ?? {}).map(([c, v]) => `${c} ${v}`).join(', ');
}

// "THB 50, PHP 100" -> { THB: 50, PHP: 100 }; null when empty; throws with the field's message when unreadable.
function parseMoney(text, label) {
  const parts = String(text ?? '').split(/[,;]/).map(p => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  const map = {};
  for (const part of parts) {
    const match = /^([A-Za-z]{3})\s*([0-9]+(?:\.[0-9]+)?)$/.exec(part);
    if (!match) throw new Error(`${label}: write each amount as a currency code and a number, e.g. "THB 50, PHP 100".`);
    map[match[1].toUpperCase()] = Number(match[2]);
  }
  return map;
}

function numberOrNull(value) {
  const text = String(value ?? '').trim();
  return text === '' ? null : Number(text);
}

function textOrNull(value) {
  const text = String(value ?? '').trim();
  return text === '' ? null : text;
}

export function templateForm(t, readOnly) {
  const d = t?.discount ?? { type: 'percentage' };
  const v = t?.validity ?? { type: 'relative', startAfterHours: 24, durationDays: 7 };
  const c = t?.code ?? { mode: 'prefix', suffixLength: 4 };
  const form = h('form', { id: 'template-form', class: 'filters', novalidate: true },
    h('fieldset', { disabled: readOnly, class: 'template-fields' },
      h('div', { class: 'filter-row' },
        field('Name', 'name', input(t?.name, { maxlength: 200, required: true }), 'What operators see in the list.'),
        field('Display-name pattern', 'displayNamePattern', input(t?.displayNamePattern, { placeholder: '{name}' }), 'What buyers see; tokens such as {name}.'),
        field('Description', 'description', h('textarea', { rows: 2 }, t?.description ?? ''))),
      h('fieldset', { class: 'filter-row' }, h('legend', {}, 'Campaign'),
        field('Campaign name', 'campaign.name', input(t?.campaign?.name, { placeholder: 'e.g. Payday July' })),
        field('Channel or partner', 'campaign.channel', input(t?.campaign?.channel)),
        field('Deal link', 'campaign.dealUrl', input(t?.campaign?.dealUrl, { type: 'url', placeholder: 'https://…' }))),
      h('fieldset', { class: 'filter-row' }, h('legend', {}, 'Discount'),
        field('Type', 'discount.type', select([['percentage', 'Percentage'], ['fixedAmount', 'Fixed amount'], ['freeShipping', 'Free shipping']], d.type)),
        field('Percentage', 'discount.percentage', input(d.percentage, { type: 'number', min: 0, max: 100, step: 'any' })),
        field('Amount per currency', 'discount.amount', input(moneyText(d.amount), { placeholder: 'THB 50, PHP 100' })),
        field('Cap per currency', 'discount.cap', input(moneyText(d.cap), { placeholder: 'THB 200' })),
        field('Minimum spend per currency', 'minSpend', input(moneyText(t?.minSpend), { placeholder: 'THB 500, PHP 1000' }))),
      h('fieldset', { class: 'filter-row' }, h('legend', {}, 'Quantity and code'),
        field('Total quantity', 'totalQuantity', input(t?.totalQuantity, { type: 'number', min: 1, step: 1 })),
        field('Per-buyer limit', 'perBuyerLimit', input(t?.perBuyerLimit, { type: 'number', min: 1, step: 1 })),
        field('Code', 'code.mode', select([['prefix', 'Prefix + per-store suffix'], ['fixed', 'The same code everywhere']], c.mode)),
        field('Code or prefix', 'code.value', input(c.value, { class: 'mono', maxlength: 20 })),
        field('Suffix length', 'code.suffixLength', input(c.suffixLength, { type: 'number', min: 1, max: 8, step: 1 })),
        field('Visibility', 'visibility', select([['public', 'Public (claimable in the shop)'], ['codeOnly', 'Code only']], t?.visibility ?? 'public'))),
      h('fieldset', { class: 'filter-row' }, h('legend', {}, 'Validity'),
        field('Type', 'validity.type', select([['relative', 'Relative to the deploy'], ['absolute', "Fixed dates, in each store's own time"]], v.type)),
        field('Start (store time)', 'validity.start', input(v.start, { type: 'datetime-local' })),
        field('End (store time)', 'validity.end', input(v.end, { type: 'datetime-local' })),
        field('Starts after (hours)', 'validity.startAfterHours', input(v.startAfterHours, { type: 'number', min: 0, step: 1 })),
        field('Lasts (days)', 'validity.durationDays', input(v.durationDays, { type: 'number', min: 1, step: 1 })))),
    h('p', { class: 'field-error', dataset: { errorFor: 'body' } }));
  const sync = () => {
    const type = form.elements['discount.type'].value;
    show(form, 'discount.percentage', type === 'percentage');
    show(form, 'discount.cap', type === 'percentage');
    show(form, 'discount.amount', type === 'fixedAmount');
    show(form, 'code.suffixLength', form.elements['code.mode'].value === 'prefix');
    const absolute = form.elements['validity.type'].value === 'absolute';
    for (const name of ['validity.start', 'validity.end']) show(form, name, absolute);
    for (const name of ['validity.startAfterHours', 'validity.durationDays']) show(form, name, !absolute);
  };
  form.addEventListener('change', sync);
  sync();
  return form;
}

function show(form, name, visible) {
  form.querySelector(`[data-field="${name}"]`).hidden = !visible;
}

// The API's body from the form; parts the form does not edit (product scope, per-platform overrides) are kept as loaded.
export function readTemplate(form, loaded) {
  const f = form.elements;
  const type = f['discount.type'].value;
  const errors = {};
  const money = (name, label) => {
    try {
      return parseMoney(f[name].value, label);
    } catch (error) {
      errors[name] = [error.message];
      return null;
    }
  };
  const absolute = f['validity.type'].value === 'absolute';
  const campaignName = textOrNull(f['campaign.name'].value);
  const body = {
    name: textOrNull(f.name.value),
    displayNamePattern: textOrNull(f.displayNamePattern.value),
    description: textOrNull(f.description.value),
    campaign: campaignName || textOrNull(f['campaign.channel'].value) || textOrNull(f['campaign.dealUrl'].value)
      ? { name: campaignName, channel: textOrNull(f['campaign.channel'].value), dealUrl: textOrNull(f['campaign.dealUrl'].value) }
      : null,
    discount: {
      type,
      percentage: type === 'percentage' ? numberOrNull(f['discount.percentage'].value) : null,
      amount: type === 'fixedAmount' ? money('discount.amount', 'Amount') : null,
      cap: type === 'percentage' ? money('discount.cap', 'Cap') : null,
    },
    minSpend: money('minSpend', 'Minimum spend'),
    totalQuantity: numberOrNull(f.totalQuantity.value),
    perBuyerLimit: numberOrNull(f.perBuyerLimit.value),
    code: { mode: f['code.mode'].value, value: textOrNull(f['code.value'].value), suffixLength: f['code.mode'].value === 'prefix' ? numberOrNull(f['code.suffixLength'].value) : null },
    visibility: f.visibility.value,
    validity: absolute
      ? { type: 'absolute', start: textOrNull(f['validity.start'].value), end: textOrNull(f['validity.end'].value) }
      : { type: 'relative', startAfterHours: numberOrNull(f['validity.startAfterHours'].value), durationDays: numberOrNull(f['validity.durationDays'].value) },
    scope: loaded?.scope ?? { type: 'shop' },
    overrides: loaded?.overrides && Object.keys(loaded.overrides).length ? loaded.overrides : null,
  };
  if (Object.keys(errors).length) {
    const error = new Error('Fix the highlighted fields.');
    error.status = 400;
    error.fields = errors;
    throw error;
  }
  return body;
}

// Puts each field message at its field: "minSpend.THB" goes to the minimum-spend field, "overrides.lazada.cap" to the
// form's own slot when no field edits it. Returns the messages that found no field.
export function placeErrors(form, error) {
  for (const el of form.querySelectorAll('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const unplaced = [];
  const messages = new Map();
  for (const [path, list] of Object.entries(error?.fields ?? {})) {
    let name = path;
    while (name && !form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)) name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    if (!name) {
      unplaced.push(`${path}: ${list.join(' ')}`);
      continue;
    }
    messages.set(name, [...(messages.get(name) ?? []), ...list]);
  }
  for (const [name, list] of messages) {
    form.querySelector(`[data-error-for="${CSS.escape(name)}"]`).textContent = list.join(' ');
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.closest('[data-field]')?.removeAttribute('hidden');
    }
  }
  return unplaced;
}
