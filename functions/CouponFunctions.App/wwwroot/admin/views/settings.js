// Alert settings: who gets the digests and alerts, the inspection slots and the thresholds (admins change them).
import { api } from '../api.js';
import { h, flash, showFieldErrors, errorSlot } from '../ui.js';

const THRESHOLDS = [
  ['lowStockPercent', 'Low stock (% of the total)', 'A coupon is low at or under this share of its quantity…', { step: 'any', min: 0, max: 100 }],
  ['lowStockCount', 'Low stock (coupons left)', '…or at or under this many left.', { step: 1, min: 0 }],
  ['expiryWindowDays', 'Expiry window (days)', 'Warn about coupons ending within this many days.', { step: 1, min: 0 }],
  ['staleSyncHours', 'Stale sync (hours)', 'A store\'s list cannot be trusted after this long without a successful sync.', { step: 'any', min: 0 }],
];

export async function render(root, { me }) {
  const settings = await api('/settings/alerts');
  root.append(settingsForm(settings, me.role === 'admin', root));
}

function settingsForm(settings, canEdit, root) {
  const recipients = h('div', { class: 'list-editor', id: 'recipients' });
  const slots = h('div', { class: 'list-editor', id: 'slots' });
  const form = h('form', { class: 'card', id: 'alert-settings', novalidate: true, 'aria-labelledby': 'settings-title' },
    h('h1', { id: 'settings-title' }, 'Alert settings'),
    canEdit ? null : h('p', { class: 'note', id: 'read-only-note' }, 'Only admins can change these settings; you see them read-only.'),
    h('fieldset', { disabled: !canEdit },
      h('div', { class: 'columns' },
        h('section', {},
          h('h2', {}, 'Recipients'),
          h('p', { class: 'muted' }, 'Inspection digests and stock-out alerts go to these addresses.'),
          recipients, errorSlot('recipients', 'recipients-error'),
          canEdit ? h('button', { type: 'button', id: 'add-recipient', onclick: () => addRow(recipients, 'recipients', 'email', '', true) }, '+ Add recipient') : null),
        h('section', {},
          h('h2', {}, 'Inspection slots'),
          h('p', { class: 'muted' }, 'Times of day in each store\'s own time zone.'),
          slots, errorSlot('slots', 'slots-error'),
          canEdit ? h('button', { type: 'button', id: 'add-slot', onclick: () => addRow(slots, 'slots', 'time', '', true) }, '+ Add slot') : null)),
      h('h2', {}, 'Thresholds'),
      h('div', { class: 'grid wide-grid' }, THRESHOLDS.map(([name, label, hint, attrs]) => h('div', {},
        h('label', { for: `setting-${name}` }, label),
        h('input', { id: `setting-${name}`, name, type: 'number', inputmode: 'decimal', value: settings[name] ?? '', 'aria-describedby': `${name}-hint ${name}-error`, ...attrs }),
        h('p', { class: 'hint', id: `${name}-hint` }, hint),
        errorSlot(name, `${name}-error`))))),
    canEdit ? h('button', { type: 'submit', class: 'primary' }, 'Save settings') : null);

  for (const r of settings.recipients ?? []) addRow(recipients, 'recipients', 'email', r);
  for (const s of settings.slots ?? []) addRow(slots, 'slots', 'time', s);
  if (!canEdit) return form;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const saved = await api('/settings/alerts', { method: 'PUT', body: readForm(form) });
      const fresh = settingsForm(saved, canEdit, root);
      form.replaceWith(fresh);
      flash('Alert settings saved.', 'ok');
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash([error.message, ...unplaced].join(' '));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

// One input per entry, named like the API's field errors (recipients[0], slots[1]) so each error lands beside its entry.
function addRow(list, name, type, value, focus = false) {
  const input = h('input', { type, value, step: type === 'time' ? 60 : null, placeholder: type === 'email' ? 'ops@example.com' : null, 'aria-label': name === 'recipients' ? 'Recipient email' : 'Slot time (HH:mm)' });
  const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${type === 'email' ? 'recipient' : 'slot'}` }, 'Remove');
  const error = h('p', { class: 'field-error', 'aria-live': 'polite' });
  const row = h('div', { class: 'list-row' }, h('div', { class: 'list-input' }, input, remove), error);
  remove.addEventListener('click', () => {
    row.remove();
    renumber(list, name);
  });
  list.append(row);
  renumber(list, name);
  if (focus) input.focus();
}

function renumber(list, name) {
  [...list.querySelectorAll('.list-row')].forEach((row, i) => {
    const input = row.querySelector('input');
    const error = row.querySelector('.field-error');
    input.name = `${name}[${i}]`;
    input.id = `${name}-${i}`;
    error.id = `${name}-${i}-error`;
    error.dataset.errorFor = `${name}[${i}]`;
    input.setAttribute('aria-describedby', error.id);
  });
}

function readForm(form) {
  const values = (name) => [...form.querySelectorAll(`#${name} input`)].map(i => i.value.trim());
  const number = (name) => {
    const text = form.elements[name].value.trim();
    return text === '' ? null : Number(text);
  };
  return {
    recipients: values('recipients'),
    slots: values('slots'),
    lowStockPercent: number('lowStockPercent'),
    lowStockCount: number('lowStockCount'),
    expiryWindowDays: number('expiryWindowDays'),
    staleSyncHours: number('staleSyncHours'),
  };
}
