// Jobs: deployments and bulk actions. The list (#/jobs) and a job's page (#/jobs/{id}) with live progress: it polls while
// the job runs and stops once it is finished or the operator left the view; items paged; cancel; canary approve or
// reject; the failure report while its link is valid ("expired" after).
import { api } from '../api.js';
import { h, flash, badge, time, formatNumber, platformName, couponHref } from '../ui.js';

export const JOB_STATUS = {
  running: ['Running', 'info'], completed: ['Completed', 'ok'], completedWithFailures: ['Completed with failures', 'warn'],
  failed: ['Failed', 'bad'], cancelled: ['Cancelled', ''],
};
const ITEM_STATE = { pending: ['pending', ''], started: ['started', 'info'], succeeded: ['succeeded', 'ok'], failed: ['failed', 'bad'], skipped: ['skipped', ''], cancelled: ['cancelled', ''] };
const TYPE = { deployment: 'Deploy', bulkAction: 'Bulk action' };
const POLL_MS = 1500;
const PAGE_SIZE = 50;

export async function render(root, context) {
  return context.params[0] ? job(root, context, context.params[0]) : list(root, context);
}

function statusBadge(status) {
  const [label, kind] = JOB_STATUS[status] ?? [status, ''];
  return badge(label, `${kind} job-status`);
}

function progress(j) {
  return h('div', { class: 'job-progress' },
    h('progress', { max: 100, value: j.progressPercent ?? 0, 'aria-label': `${j.progressPercent ?? 0}% done` }),
    h('span', { class: 'muted small' }, ` ${j.progressPercent ?? 0}%`));
}

function countsText(c) {
  return [`${formatNumber(c.succeeded)} succeeded`, c.failed ? `${formatNumber(c.failed)} failed` : null, c.skipped ? `${formatNumber(c.skipped)} skipped` : null,
    c.cancelled ? `${formatNumber(c.cancelled)} cancelled` : null, `of ${formatNumber(c.total)}`].filter(Boolean).join(' · ');
}

async function list(root, { isCurrent }) {
  const tokens = [null];
  let page = 0;
  const box = h('div', { id: 'jobs-list' });
  const previous = h('button', { type: 'button', onclick: () => go(page - 1) }, '← Newer');
  const next = h('button', { type: 'button', onclick: () => go(page + 1) }, 'Older →');
  root.append(h('div', { class: 'card' },
    h('h1', {}, 'Jobs'),
    h('p', { class: 'muted' }, `Deployments and bulk actions, newest first. Times are yours (${Intl.DateTimeFormat().resolvedOptions().timeZone}).`),
    box, h('div', { class: 'pager' }, previous, next)));
  await go(0);

  async function go(target) {
    if (target < 0 || target >= tokens.length) return;
    page = target;
    const token = tokens[page];
    const { items, continuation } = await api(`/jobs?pageSize=${PAGE_SIZE}${token ? `&continuation=${encodeURIComponent(token)}` : ''}`);
    if (!isCurrent()) return;
    tokens.length = page + 1;
    if (continuation) tokens.push(continuation);
    previous.disabled = page === 0;
    next.disabled = page + 1 >= tokens.length;
    box.replaceChildren(items.length === 0 ? h('p', { class: 'empty' }, 'No jobs yet: deploy a template or run a bulk action on the coupon list.') : h('table', { class: 'data', id: 'jobs' },
      h('thead', {}, h('tr', {}, ['Job', 'Type', 'Started by', 'When', 'Status', 'Items', 'Progress'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(j => h('tr', { dataset: { jobId: j.id, status: j.status } },
        h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(j.id)}`, class: 'job-title' }, j.title)),
        h('td', {}, TYPE[j.type] ?? j.type),
        h('td', {}, j.startedBy.keyName, h('div', { class: 'muted small mono' }, j.startedBy.keyId)),
        h('td', { class: 'nowrap' }, time(j.createdAt)),
        h('td', {}, statusBadge(j.status)),
        h('td', { class: 'small' }, countsText(j.counts)),
        h('td', {}, progress(j)))))));
  }
}

async function job(root, { me, isCurrent }, id) {
  const path = `/jobs/${encodeURIComponent(id)}`;
  const head = h('div', { class: 'card', id: 'job', 'aria-live': 'polite' });
  const itemsBox = h('div', { id: 'job-items', class: 'table-scroll' });
  const stateFilter = h('select', { id: 'item-state', onchange: () => { tokens = [null]; page = 0; refresh(); } },
    [['', 'every item'], ['failed', 'failed'], ['succeeded', 'succeeded'], ['pending,started', 'not finished'], ['skipped,cancelled', 'skipped or cancelled']].map(([v, t]) => h('option', { value: v }, t)));
  const previous = h('button', { type: 'button', id: 'items-previous', onclick: () => go(page - 1) }, '← Previous');
  const next = h('button', { type: 'button', id: 'items-next', onclick: () => go(page + 1) }, 'Next →');
  let tokens = [null];
  let page = 0;
  let timer = null;
  root.append(head, h('div', { class: 'card' },
    h('div', { class: 'title-row' }, h('h2', {}, 'Items'), h('label', { class: 'inline', for: 'item-state' }, 'Show ', stateFilter)),
    itemsBox, h('div', { class: 'pager' }, previous, next)));
  await refresh();

  function go(target) {
    if (target < 0 || target >= tokens.length) return;
    page = target;
    refresh();
  }

  async function refresh() {
    clearTimeout(timer);
    if (!isCurrent()) return;
    const token = tokens[page];
    const state = stateFilter.value;
    let detail;
    try {
      detail = await api(`${path}?pageSize=${PAGE_SIZE}${state ? `&state=${state}` : ''}${token ? `&continuation=${encodeURIComponent(token)}` : ''}`);
    } catch (error) {
      if (!isCurrent()) return;
      if (error.status === 404) {
        head.replaceChildren(h('h1', {}, 'Job not found'), h('p', {}, h('a', { href: '#/jobs' }, 'All jobs')));
        return;
      }
      flash(error.message);
      timer = setTimeout(refresh, POLL_MS * 4);
      return;
    }
    if (!isCurrent()) return;
    tokens.length = page + 1;
    if (detail.continuation) tokens.push(detail.continuation);
    previous.disabled = page === 0;
    next.disabled = page + 1 >= tokens.length;
    drawHead(detail.job, detail.canary && { ...detail.canary, storeName: detail.items.find(i => i.storeId === detail.canary.storeId)?.storeName });
    itemsBox.replaceChildren(detail.items.length === 0 ? h('p', { class: 'empty' }, 'No items to show.') : itemsTable(detail.items, detail.job.type));
    // Poll only while the job runs and this view is still the one shown.
    if (detail.job.status === 'running') timer = setTimeout(refresh, POLL_MS);
  }

  function drawHead(j, canary) {
    const running = j.status === 'running';
    const canAct = me.role !== 'viewer';
    const c = j.counts;
    // The API names the canary store while the deploy waits for the operator's answer.
    const awaitingCanary = running && Boolean(canary) && !j.cancelRequested;
    // replaceChildren would write a null as the text "null": the parts go through h().
    head.replaceChildren(h('div', {},
      h('p', {}, h('a', { href: '#/jobs', class: 'back' }, '← All jobs')),
      h('div', { class: 'title-row' }, h('h1', { id: 'job-title' }, j.title), statusBadge(j.status)),
      h('p', { class: 'muted' }, `${TYPE[j.type] ?? j.type} started by ${j.startedBy.keyName} on `, time(j.createdAt),
        j.finishedAt ? [', finished ', time(j.finishedAt)] : null, j.cancelRequested && running ? ' · cancelling: stores not started are skipped' : null),
      progress(j),
      h('p', { id: 'job-counts' }, countsText(c)),
      awaitingCanary ? canaryPanel(canary, canAct) : null,
      h('div', { class: 'toolbar' },
        running && canAct && !j.cancelRequested ? h('button', { type: 'button', id: 'cancel-job', onclick: cancel }, 'Cancel the rest') : null,
        reportControl(j))));
  }

  function canaryPanel(canary, canAct) {
    return h('div', { class: 'note', id: 'canary', dataset: { storeId: canary.storeId } },
      h('p', {}, h('strong', {}, `The canary store${canary.storeName ? ` ${canary.storeName}` : ''} is done. `), 'Check its coupon in the items below, then go on with the other stores or cancel them. Without an answer the others are cancelled when the wait times out.'),
      canAct ? [
        h('button', { type: 'button', class: 'primary', id: 'canary-approve', onclick: () => answer(true) }, 'Approve: deploy to the others'),
        ' ', h('button', { type: 'button', id: 'canary-reject', onclick: () => answer(false) }, 'Reject: cancel the others')] : null);
  }

  async function answer(approve) {
    try {
      await api(`${path}/canary`, { method: 'POST', body: { approve } });
      flash(approve ? 'Approved: the other stores are being deployed.' : 'Rejected: the other stores are cancelled.', 'ok');
    } catch (error) {
      flash(error.message);
    }
    refresh();
  }

  async function cancel() {
    if (!confirm('Cancel this job? Items not started are skipped as cancelled; started ones finish.')) return;
    try {
      await api(`${path}/cancel`, { method: 'POST' });
      flash('Cancelling: items not started are skipped.', 'ok');
    } catch (error) {
      flash(error.message);
    }
    refresh();
  }

  function reportControl(j) {
    if (!j.failureReport) return null;
    if (new Date(j.failureReport.expiresAt) <= new Date()) return h('span', { class: 'muted', id: 'report-expired' }, 'The failure report expired (reports are kept 7 days).');
    return h('button', { type: 'button', id: 'failure-report', onclick: openReport }, 'Download failure report', h('span', { class: 'muted small' }, ' (until ', time(j.failureReport.expiresAt), ')'));
  }

  // The report route answers with its read-only link (JSON when asked for it); a plain link could not send the key.
  async function openReport(event) {
    const button = event.currentTarget;
    try {
      const { url } = await api(`${path}/failure-report`);
      const link = h('a', { href: url, download: `${id}-failures.csv`, rel: 'noopener' });
      document.body.append(link);
      link.click();
      link.remove();
    } catch (error) {
      if (error.status === 410) button.replaceWith(h('span', { class: 'muted', id: 'report-expired' }, 'The failure report expired (reports are kept 7 days).'));
      else flash(error.message);
    }
  }
}

function itemsTable(items, type) {
  return h('table', { class: 'data', id: 'job-items-table' },
    h('thead', {}, h('tr', {}, ['Store', type === 'deployment' ? 'Created coupon' : 'Coupon', 'Action', 'State', 'Outcome', 'Finished'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map(i => {
      const [label, kind] = ITEM_STATE[i.state] ?? [i.state, ''];
      const o = i.outcome;
      return h('tr', { class: 'job-item', dataset: { storeId: i.storeId, state: i.state, couponId: i.couponId ?? '' } },
        h('td', {}, i.storeName, h('div', { class: 'muted small' }, platformName(i.platform))),
        h('td', {}, i.couponId ? h('a', { href: couponHref(i.storeId, i.couponId), class: 'mono item-coupon' }, i.couponId) : h('span', { class: 'muted' }, '—'),
          o?.adopted ? h('div', { class: 'muted small' }, 'found from an earlier attempt (not created twice)') : null),
        h('td', {}, i.action),
        h('td', {}, badge(label, kind)),
        h('td', { class: 'wrap' }, o?.message ?? (i.state === 'succeeded' ? 'Done.' : ''),
          o?.reasonCode ? h('div', { class: 'muted small mono' }, [o.reasonCode, o.ruleCode, o.platformCode, o.requestId ? `request ${o.requestId}` : null].filter(Boolean).join(' · ')) : null),
        h('td', { class: 'nowrap' }, time(i.finishedAt)));
    })));
}
