// A bulk action (#/actions?request={json}): the selection (coupon ids, or every coupon matching a list filter) and the
// action with its values; the preview shows per coupon what will change, what cannot and why; Run starts the job and
// goes to its page. The request in the address comes from the coupon list's bulk bar or a finding's Fix button.
import { api, newIdempotencyKey } from '../api.js';
import { h, flash, flashAfterNavigation, badge, platformName, couponHref } from '../ui.js';
import { placeErrors } from './template-form.js';

export const ACTIONS = {
  renew: 'Renew', replenish: 'Replenish', endNow: 'End now', delete: 'Delete', deactivate: 'Deactivate', reactivate: 'Re-activate',
  modify: 'Modify', cloneAsNew: 'Clone as new',
};
const DECISION = { willChange: ['will change', 'ok'], nothingToDo: ['nothing to do', ''], refused: ['refused', 'bad'] };

// The address of the action view for a selection and an action ({kind, ...values}).
export function actionHref(selection, action) {
  return `#/actions?request=${encodeURIComponent(JSON.stringify({ action, ...selection }))}`;
}

export async function render(root, { me, query, isCurrent }) {
  let request;
  try {
    request = JSON.parse(query.get('request') ?? '');
  } catch {
    request = null;
  }
  if (!request || (!request.coupons && !request.filter)) {
    root.append(h('div', { class: 'card' }, h('h1', {}, 'Bulk action'),
      h('p', {}, 'Choose coupons on the ', h('a', { href: '#/coupons' }, 'coupon list'), ' (or a finding\'s Fix button) to act on them.')));
    return;
  }
  const selection = request.coupons ? { coupons: request.coupons } : { filter: request.filter };
  const action = { kind: 'renew', ...(request.action ?? {}) };
  const { items: stores } = await api('/stores');
  if (!isCurrent()) return;
  const storeNames = new Map(stores.map(s => [s.id, s.displayName]));
  let idempotencyKey = null;

  const form = actionForm(action, () => invalidate());
  const previewButton = h('button', { type: 'submit', class: 'primary', id: 'preview-action' }, 'Preview');
  form.append(h('div', { class: 'toolbar' }, previewButton));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    preview();
  });
  const result = h('div', { id: 'action-preview', 'aria-live': 'polite' });
  root.append(h('div', { class: 'card', id: 'bulk-action' },
    h('p', {}, h('a', { href: sessionStorage.getItem('couponfunctions.lastCouponList') ?? '#/coupons', class: 'back' }, '← Coupons')),
    h('h1', {}, 'Bulk action'),
    h('p', { id: 'action-selection' }, selectionText(selection, storeNames)),
    form),
  result);
  // A Fix link comes with the values filled in: its preview runs at once. The bulk bar gives only the kind.
  if (request.action && Object.keys(request.action).some(k => k !== 'kind')) await preview();
  else if (['endNow', 'delete', 'deactivate', 'reactivate'].includes(action.kind)) await preview();

  function invalidate() {
    idempotencyKey = null;
    result.replaceChildren(h('div', { class: 'card note' }, 'Preview again to see what this action will do.'));
  }

  async function preview() {
    previewButton.disabled = true;
    const body = { action: readAction(form), ...selection };
    try {
      const answer = await api('/coupons/actions/preview', { method: 'POST', body });
      if (!isCurrent()) return;
      placeErrors(form, null);
      flash('');
      idempotencyKey = newIdempotencyKey();
      drawPreview(answer, body);
    } catch (error) {
      const unplaced = placeErrors(form, error);
      result.replaceChildren();
      flash(error.status === 400 ? ['Fix the highlighted values.', ...unplaced].join(' ') : error.message);
    } finally {
      previewButton.disabled = false;
    }
  }

  function drawPreview({ summary, coupons }, body) {
    const run = h('button', { type: 'button', class: 'primary', id: 'run-action', disabled: summary.willChange === 0 || me.role === 'viewer' },
      `${ACTIONS[body.action.kind] ?? body.action.kind} ${summary.willChange} coupon${summary.willChange === 1 ? '' : 's'}`);
    run.addEventListener('click', async () => {
      run.disabled = true;
      try {
        const started = await api('/coupons/actions', { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey }, body });
        flashAfterNavigation(started.created ? 'The action started.' : 'This action had already started; here it is.');
        location.hash = `#/jobs/${encodeURIComponent(started.jobId)}`;
      } catch (error) {
        run.disabled = false;
        flash(error.message);
      }
    });
    result.replaceChildren(h('div', { class: 'card' },
      h('h2', {}, 'Preview'),
      h('div', { class: 'tiles', id: 'action-summary' },
        tile(summary.willChange, 'will change', 'ok'), tile(summary.nothingToDo, 'nothing to do', ''), tile(summary.refused, 'refused', 'bad')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'data', id: 'action-table' },
        h('thead', {}, h('tr', {}, ['Coupon', 'Store', 'Verdict', 'What changes', 'Why not / note'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, coupons.map(c => verdictRow(c, storeNames))))),
      summary.refused ? h('p', { class: 'muted' }, `${summary.refused} refused coupon${summary.refused === 1 ? ' is' : 's are'} recorded in the job with the reason and never sent to the platform.`) : null,
      me.role === 'viewer' ? h('p', { class: 'note' }, 'Your key can preview only; an editor runs actions.') : null,
      h('div', { class: 'toolbar' }, run)));
  }
}

function tile(value, label, kind) {
  return h('div', { class: `tile ${kind}` }, h('span', { class: 'tile-value' }, String(value)), h('span', { class: 'tile-label' }, label));
}

function selectionText(selection, storeNames) {
  if (selection.coupons) {
    const stores = new Set(selection.coupons.map(c => c.storeId));
    return `${selection.coupons.length} selected coupon${selection.coupons.length === 1 ? '' : 's'} in ${stores.size} store${stores.size === 1 ? '' : 's'}.`;
  }
  const parts = Object.entries(selection.filter).map(([k, v]) => `${k} = ${k === 'store' ? String(v).split(',').map(id => storeNames.get(id) ?? id).join(', ') : v}`);
  return `Every coupon matching the list filter${parts.length ? `: ${parts.join('; ')}` : ' (no filter: every coupon)'}.`;
}

function verdictRow(c, storeNames) {
  const [label, kind] = DECISION[c.decision] ?? [c.decision, ''];
  return h('tr', { class: 'action-verdict', dataset: { storeId: c.storeId, couponId: c.platformCouponId, decision: c.decision } },
    h('td', {}, c.couponName ? h('a', { href: couponHref(c.storeId, c.platformCouponId) }, c.couponName) : h('span', { class: 'muted' }, c.platformCouponId),
      h('div', { class: 'muted small mono' }, c.platformCouponId)),
    h('td', {}, storeNames.get(c.storeId) ?? c.storeId, h('div', { class: 'muted small' }, platformName(c.platform))),
    h('td', {}, badge(label, kind)),
    h('td', {}, c.changes.length ? h('ul', { class: 'changes' }, c.changes.map(x => h('li', {},
      h('span', { class: 'field-name' }, x.field), ': ', x.before ?? '—', h('span', { class: 'arrow' }, ' → '), h('strong', {}, x.after)))) : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'wrap' },
      c.refusals.length ? h('ul', { class: 'refusals' }, c.refusals.map(r => h('li', { class: 'text-bad', dataset: { code: r.code } }, r.message))) : null,
      c.note ? h('div', { class: 'muted small' }, c.note) : null));
}

const FIELDS = {
  renew: [['extendDays', 'Extend by (days)', 'number'], ['endDate', 'Or to the last day (store time)', 'date']],
  replenish: [['addQuantity', 'Add (vouchers)', 'number'], ['setQuantity', 'Or set the total to', 'number']],
  endNow: [],
  delete: [],
  deactivate: [],
  reactivate: [],
  modify: [['name', 'New name', 'text'], ['minSpend', 'Minimum spend', 'number'], ['percentage', 'Percentage off', 'number'],
    ['discountAmount', 'Amount off', 'number'], ['maxDiscount', 'Maximum discount', 'number']],
  cloneAsNew: [['startDate', 'Starts on (store time; empty: at once)', 'date'], ['durationDays', 'Lasts (days)', 'number'],
    ['endDate', 'Or ends on (store time)', 'date'], ['codeSuffix', 'Code suffix (each clone its own code)', 'text'],
    ['code', 'Or one code', 'text'], ['totalQuantity', 'Quantity (empty: as the original)', 'number']],
};
const HELP = {
  endNow: 'Ends each coupon now (where a platform cannot end an upcoming one, it is deleted instead; the preview says so).',
  delete: 'Deletes each coupon where and when its platform allows it.',
  deactivate: 'Stops each coupon at once, for misuse.',
  reactivate: 'Resumes each paused coupon where its platform\'s API can (Lazada); elsewhere it is refused before any call.',
  cloneAsNew: 'Creates a new coupon of the same kind in each coupon\'s store, for one that cannot be extended; empty values keep the original\'s (it runs as long as the original ran).',
};

// The action's kind and values; inputs are named "action.<field>" so the API's field errors land at them.
function actionForm(action, onChange) {
  const kind = h('select', { id: 'action-kind', name: 'action.kind' }, Object.entries(ACTIONS).map(([v, t]) => h('option', { value: v }, t)));
  kind.value = action.kind in ACTIONS ? action.kind : 'renew';
  const values = h('div', { class: 'filter-row', id: 'action-values' });
  const form = h('form', { id: 'action-form', class: 'filters', novalidate: true },
    h('div', { class: 'filter-row' }, h('div', { class: 'filter', dataset: { field: 'action.kind' } }, h('label', { for: 'action-kind' }, 'Action'), kind,
      h('p', { class: 'field-error', dataset: { errorFor: 'action.kind' } }))),
    values,
    h('p', { class: 'field-error', dataset: { errorFor: 'action' } }),
    h('p', { class: 'field-error', dataset: { errorFor: 'coupons' } }),
    h('p', { class: 'field-error', dataset: { errorFor: 'filter' } }));
  const draw = (current) => {
    values.replaceChildren(
      ...FIELDS[kind.value].map(([name, label, type]) => h('div', { class: 'filter', dataset: { field: `action.${name}` } },
        h('label', { for: `action-${name}` }, label),
        h('input', { id: `action-${name}`, name: `action.${name}`, type, value: current?.[name] ?? '', min: type === 'number' ? 0 : null, step: 'any' }),
        h('p', { class: 'field-error', dataset: { errorFor: `action.${name}` } }))),
      ...(HELP[kind.value] ? [h('p', { class: 'muted' }, HELP[kind.value])] : []));
  };
  draw(action);
  kind.addEventListener('change', () => draw(null));
  form.addEventListener('change', onChange);
  form.addEventListener('input', onChange);
  return form;
}

function readAction(form) {
  const action = { kind: form.elements['action.kind'].value };
  for (const [name, , type] of FIELDS[action.kind]) {
    const value = String(form.elements[`action.${name}`]?.value ?? '').trim();
    if (value !== '') action[name] = type === 'number' ? Number(value) : value;
  }
  return action;
}
