// The customer CSV import: pick a file (and the store for rows without one), upload it as it is, then follow the job's
// progress until it is over; rows that failed are counted and listed in the failure report (a read-only link, 7 days).
import { api } from '../api.js';
import { h, time, badge, flash, formatNumber } from '../ui.js';

const STATUS_KIND = { queued: 'info', running: 'warn', done: 'ok', failed: 'bad' };
const POLL_MS = 1000;

export function importCard(stores, imported) {
  const progress = h('div', { id: 'import-progress', 'aria-live': 'polite' });
  const form = h('form', { id: 'import-form', novalidate: true },
    h('div', { class: 'grid' },
      h('div', {}, h('label', { for: 'import-file' }, 'CSV file'),
        h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,text/csv', required: true })),
      h('div', {}, h('label', { for: 'import-store' }, 'Store for rows without one'),
        h('select', { id: 'import-store', name: 'storeId' }, h('option', { value: '' }, 'Each row names its store'),
          stores.map(s => h('option', { value: s.id }, s.displayName))))),
    h('button', { type: 'submit', class: 'primary', id: 'import-start' }, 'Import'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return flash('Choose a CSV file first.');
    const button = form.querySelector('#import-start');
    button.disabled = true;
    try {
      const storeId = form.elements.storeId.value;
      const started = await api(`/customers/import${storeId ? `?storeId=${encodeURIComponent(storeId)}` : ''}`, { method: 'POST', file });
      show(progress, started, file.name);
      const over = await follow(progress, started.id, file.name);
      if (over.status === 'done') await imported();
    } catch (error) {
      flash(error.message);
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { class: 'card', id: 'customer-import' },
    h('h2', {}, 'Import customers from CSV'),
    h('p', { class: 'muted' }, 'One customer per row, matched by external id (existing customers are updated). Columns: externalId, name, email, ',
      'mobile, storeId, tags (separated by |), emailConsent, emailConsentAt, emailConsentSource, smsConsent, smsConsentAt, smsConsentSource.'),
    form, progress);
}

// Polls the job until it is done or failed; the page shows each answer. Stops when the view was left.
async function follow(progress, id, fileName) {
  for (;;) {
    await new Promise(resolve => setTimeout(resolve, POLL_MS));
    if (!progress.isConnected) return { status: 'left' };
    const job = await api(`/customers/import/${encodeURIComponent(id)}`);
    show(progress, job, fileName);
    if (job.status === 'done' || job.status === 'failed') return job;
  }
}

function show(progress, job, fileName) {
  const counts = [['Rows read', job.rowsRead], ['Created', job.created], ['Updated', job.updated], ['Unchanged', job.unchanged], ['Failed', job.failed]];
  progress.replaceChildren(h('div', { class: 'note', dataset: { status: job.status } },
    h('p', {}, h('strong', {}, fileName), ' ', badge(job.status, STATUS_KIND[job.status] ?? ''),
      job.finishedAt ? h('span', { class: 'muted' }, ' finished ', time(job.finishedAt)) : null),
    h('ul', { class: 'tiles' }, counts.map(([label, value]) => h('li', { class: `tile${label === 'Failed' && value > 0 ? ' bad' : ''}` },
      h('span', { class: 'tile-value' }, formatNumber(value)), h('span', { class: 'tile-label' }, label)))),
    job.error ? h('p', { class: 'text-bad', id: 'import-error' }, job.error) : null,
    job.ignoredColumns?.length ? h('p', { class: 'muted small' }, `Ignored columns: ${job.ignoredColumns.join(', ')}.`) : null,
    rowErrors(job),
    report(job)));
}

// The first row errors as the job keeps them (the report has every one).
function rowErrors(job) {
  if (!job.firstErrors?.length) return null;
  const more = job.failed > job.firstErrors.length;
  return h('div', {}, h('h3', {}, more ? `The first ${job.firstErrors.length} row errors` : 'Row errors'),
    h('table', { class: 'data compact', id: 'import-errors' },
      h('thead', {}, h('tr', {}, ['Customer id', 'Email', 'Mobile', 'Why'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, job.firstErrors.map(e => h('tr', { dataset: { id: e.customerId ?? '' } },
        h('td', { class: 'mono' }, e.customerId ?? '—'), h('td', { class: 'wrap' }, e.email ?? '—'), h('td', {}, e.mobile ?? '—'),
        h('td', { class: 'text-bad' }, e.reason))))));
}

function report(job) {
  if (!job.report) return job.status === 'done' ? h('p', { class: 'small' }, 'Every row was imported.') : null;
  if (job.report.status !== 'available') return h('p', { class: 'muted small' }, 'The row error report was kept for 7 days; it has expired.');
  return h('p', {}, `${formatNumber(job.failed)} row${job.failed === 1 ? '' : 's'} could not be imported: `,
    h('a', { href: job.report.url, id: 'import-report', download: 'import-errors.csv', rel: 'noopener' }, 'download the row errors (CSV)'),
    h('span', { class: 'muted small' }, ' · the link works until ', time(job.report.expiresAt)));
}
