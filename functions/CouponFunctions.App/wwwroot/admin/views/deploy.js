// The deploy wizard (#/deploy/{templateId}): choose stores (by platform, site, campaign or one by one), preview the coupon each
// platform will receive with its verdict, acknowledge warnings, pick an optional canary store, confirm -> the job page.
// One Idempotency-Key per previewed selection: a double click on Deploy answers the same job instead of starting two.
import { api, newIdempotencyKey } from '../api.js';
import { h, flash, flashAfterNavigation, badge, platformName, showFieldErrors } from '../ui.js';
import { discountText, validityText, codeText } from './templates.js';

const VERDICT = { ready: ['ready', 'ok'], warnings: ['warnings', 'warn'], blocked: ['blocked', 'bad'] };

export async function render(root, { params, isCurrent }) {
  const templateId = params[0];
  const [template, { items: stores }, { items: campaigns }] = await Promise.all(
    [api(`/templates/${encodeURIComponent(templateId)}`), api('/stores'), api('/campaigns')]);
  if (!isCurrent()) return;
  const active = stores.filter(s => s.status !== 'disabled');
  const chosen = new Set();
  let preview = null;
  let idempotencyKey = null;

  const picker = h('div', { id: 'store-picker' });
  const previewButton = h('button', { type: 'button', class: 'primary', id: 'run-preview', onclick: runPreview }, 'Preview');
  const chosenText = h('span', { class: 'muted', id: 'chosen-count', 'aria-live': 'polite' });
  const previewBox = h('div', { id: 'deploy-preview', 'aria-live': 'polite' });
  root.append(
    h('div', { class: 'card' },
      h('p', {}, h('a', { href: `#/templates/${encodeURIComponent(templateId)}`, class: 'back' }, `← ${template.name}`)),
      h('h1', {}, `Deploy "${template.name}"`),
      h('p', { class: 'muted' }, `${discountText(template.discount)} · ${template.totalQuantity} each · code ${codeText(template.code)} · ${validityText(template.validity)}`),
      h('h2', {}, '1. Choose the stores'), picker,
      h('div', { class: 'toolbar' }, previewButton, chosenText),
      h('p', { class: 'field-error', dataset: { errorFor: 'storeIds' } })),
    previewBox);
  drawPicker();

  function drawPicker() {
    const group = (title, key, members) => h('fieldset', { class: 'store-group', dataset: { group: key } },
      h('legend', {}, title),
      h('div', { class: 'toolbar' },
        h('button', { type: 'button', class: 'link select-all', onclick: () => setAll(members, true) }, 'Select all'),
        h('button', { type: 'button', class: 'link select-none', onclick: () => setAll(members, false) }, 'None')),
      members.map(s => h('label', { class: 'inline store-choice' },
        h('input', { type: 'checkbox', value: s.id, checked: chosen.has(s.id), onchange: (e) => toggle(s.id, e.target.checked) }),
        s.displayName, h('span', { class: 'muted small' }, ` ${platformName(s.platform)} · ${s.site}`),
        s.status === 'needsReauthorization' ? badge('connect again', 'bad') : null)));
    const by = (key) => [...new Set(active.map(s => s[key]))].sort().map(value => [value, active.filter(s => s[key] === value)]);
    // The stores that carry a coupon of each campaign (a store may carry several campaigns, so it may show in several groups).
    function byCampaign() {
      const byId = new Map(active.map(s => [s.id, s]));
      const groups = campaigns
        .map(c => [c, c.storeIds.map(id => byId.get(id)).filter(Boolean)])
        .filter(([, members]) => members.length > 0)
        .map(([c, members]) => group(`${c.name} (${c.coupons} coupon${c.coupons === 1 ? '' : 's'})`, `campaign-${c.tag}`,
          members.sort((a, b) => a.displayName.localeCompare(b.displayName))));
      return groups.length ? groups : [h('p', { class: 'empty', id: 'no-campaigns' }, 'No coupon carries a campaign yet: tag coupons on the coupon list, or deploy a template with a campaign.')];
    }
    const mode = picker.querySelector('select')?.value ?? 'platform';
    const groups = mode === 'site'
      ? by('site').map(([site, members]) => group(`Site ${site}`, `site-${site}`, members))
      : mode === 'store'
        ? [group('Every store', 'all', [...active].sort((a, b) => a.displayName.localeCompare(b.displayName)))]
        : mode === 'campaign'
          ? byCampaign()
          : by('platform').map(([platform, members]) => group(platformName(platform), `platform-${platform}`, members));
    const modeSelect = h('select', { id: 'group-by', onchange: drawPicker },
      [['platform', 'platform'], ['site', 'site'], ['campaign', 'campaign'], ['store', 'one by one']].map(([v, t]) => h('option', { value: v }, t)));
    modeSelect.value = mode;
    picker.replaceChildren(
      h('div', { class: 'filter-row' }, h('label', { class: 'inline', for: 'group-by' }, 'Group stores by ', modeSelect)),
      active.length === 0 ? h('p', { class: 'empty' }, 'No stores yet: add a store first.') : h('div', { class: 'store-groups' }, groups));
    chosenText.textContent = `${chosen.size} store${chosen.size === 1 ? '' : 's'} chosen`;
    previewButton.disabled = chosen.size === 0;
  }

  function toggle(id, on) {
    if (on) chosen.add(id); else chosen.delete(id);
    invalidate();
    drawPicker();
  }

  function setAll(members, on) {
    for (const s of members) if (on) chosen.add(s.id); else chosen.delete(s.id);
    invalidate();
    drawPicker();
  }

  // A changed selection needs a new preview, and a new key: it is another deploy.
  function invalidate() {
    if (!preview) return;
    preview = null;
    idempotencyKey = null;
    previewBox.replaceChildren(h('div', { class: 'card note' }, 'The stores changed: run the preview again.'));
  }

  async function runPreview() {
    previewButton.disabled = true;
    previewBox.replaceChildren(h('div', { class: 'card' }, 'Checking each store…'));
    const storeIds = active.filter(s => chosen.has(s.id)).map(s => s.id);
    try {
      preview = await api('/deployments/preview', { method: 'POST', body: { templateId, storeIds } });
      idempotencyKey = newIdempotencyKey();
      showFieldErrors(root, null);
      drawPreview();
    } catch (error) {
      previewBox.replaceChildren();
      const unplaced = showFieldErrors(root, error);
      flash([error.message, ...unplaced].join(' '));
    } finally {
      previewButton.disabled = chosen.size === 0;
    }
  }

  function drawPreview() {
    const { summary, stores: rows } = preview;
    const acknowledge = h('input', { type: 'checkbox', id: 'acknowledge-warnings', onchange: update });
    const canary = h('select', { id: 'canary-store', onchange: update });
    const deploy = h('button', { type: 'button', class: 'primary', id: 'confirm-deploy', onclick: () => confirmDeploy(deploy, acknowledge, canary) });
    const leftOut = h('p', { class: 'muted', id: 'left-out' });
    previewBox.replaceChildren(h('div', { class: 'card' },
      h('h2', {}, '2. Check the preview'),
      h('div', { class: 'tiles', id: 'preview-summary' },
        tile(summary.ready, 'ready', 'ok'), tile(summary.warnings, 'with warnings', 'warn'), tile(summary.blocked, 'blocked', 'bad')),
      h('div', { class: 'table-scroll' }, h('table', { class: 'data', id: 'preview-table' },
        h('thead', {}, h('tr', {}, ['Store', 'Verdict', 'Coupon as the platform receives it', 'Runs (store time)', 'Issues and advice'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map(previewRow)))),
      h('h2', {}, '3. Confirm'),
      summary.warnings > 0
        ? h('label', { class: 'inline' }, acknowledge, ` I have read the warnings of ${summary.warnings} store${summary.warnings === 1 ? '' : 's'} and want to deploy there too.`)
        : null,
      h('div', { class: 'filter' }, h('label', { for: 'canary-store' }, 'Canary store (optional): deploy there first and wait for my approval'), canary),
      leftOut,
      h('div', { class: 'toolbar' }, deploy),
      h('p', { class: 'field-error', dataset: { errorFor: 'canaryStoreId' } })));
    update();

    function update() {
      const deployable = rows.filter(r => r.verdict === 'ready' || (r.verdict === 'warnings' && acknowledge.checked));
      const previous = canary.value;
      canary.replaceChildren(h('option', { value: '' }, 'No canary: all stores at once'),
        ...(deployable.length > 1 ? deployable.map(r => h('option', { value: r.storeId }, r.storeName)) : []));
      canary.value = deployable.some(r => r.storeId === previous) ? previous : '';
      const skipped = rows.filter(r => !deployable.includes(r));
      leftOut.textContent = skipped.length
        ? `Left out: ${skipped.map(r => `${r.storeName} (${r.verdict === 'blocked' ? 'blocked' : 'warnings not acknowledged'})`).join(', ')}.`
        : '';
      deploy.textContent = `Deploy to ${deployable.length} store${deployable.length === 1 ? '' : 's'}`;
      deploy.disabled = deployable.length === 0;
      deploy.dataset.stores = deployable.map(r => r.storeId).join(',');
    }
  }

  async function confirmDeploy(button, acknowledge, canary) {
    button.disabled = true;
    const storeIds = button.dataset.stores.split(',').filter(Boolean);
    try {
      const started = await api('/deployments', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
        body: { templateId, storeIds, acknowledgeWarnings: acknowledge.checked, canaryStoreId: canary.value || null },
      });
      flashAfterNavigation(started.created ? 'The deploy started.' : 'This deploy had already started; here it is.');
      location.hash = `#/jobs/${encodeURIComponent(started.jobId)}`;
    } catch (error) {
      button.disabled = false;
      const unplaced = showFieldErrors(root, error);
      flash([error.message, ...unplaced].join(' '));
    }
  }
}

function tile(value, label, kind) {
  return h('div', { class: `tile ${kind}` }, h('span', { class: 'tile-value' }, String(value)), h('span', { class: 'tile-label' }, label));
}

function previewRow(r) {
  const [label, kind] = VERDICT[r.verdict] ?? [r.verdict, ''];
  const c = r.coupon;
  const blocking = r.issues.filter(i => i.severity === 'blocking');
  const warnings = r.issues.filter(i => i.severity === 'warning');
  return h('tr', { class: 'store-preview', dataset: { storeId: r.storeId, verdict: r.verdict } },
    h('td', {}, h('strong', {}, r.storeName), h('div', { class: 'muted small' }, `${platformName(r.platform)} · ${r.site}`)),
    h('td', {}, badge(label, kind)),
    h('td', {}, c
      ? [h('div', {}, c.name), h('div', { class: 'muted small' }, c.code ? h('span', { class: 'mono' }, c.code) : 'no code', ' · ', c.visibility === 'codeOnly' ? 'code only' : 'public'),
        h('div', {}, `${c.discountText} · min. spend ${c.minSpendText}`),
        h('div', { class: 'muted small' }, `${c.totalQuantity} vouchers${c.perBuyerLimit ? `, ${c.perBuyerLimit} per buyer` : ''}${c.campaignTag ? ` · campaign ${c.campaignTag}` : ''}`)]
      : h('span', { class: 'muted' }, 'Cannot be expressed for this store.')),
    h('td', { class: 'nowrap' }, c ? [h('div', {}, h('span', { class: 'muted' }, 'from '), c.startText), h('div', {}, h('span', { class: 'muted' }, 'to '), c.endText)] : '—'),
    h('td', {},
      blocking.length ? h('ul', { class: 'issues blocking' }, blocking.map(i => h('li', { class: 'text-bad', dataset: { code: i.code } }, i.message))) : null,
      warnings.length ? h('ul', { class: 'issues warnings' }, warnings.map(i => h('li', { dataset: { code: i.code } }, badge('warning', 'warn'), ' ', i.message))) : null,
      r.advice.length ? h('ul', { class: 'issues advice muted small' }, r.advice.map(a => h('li', {}, a))) : null));
}
