// Sends: "Send coupon" to a segment (store, coupon, channels, a whole hour at least 2 hours ahead in the store's zone,
// the message with placeholders, preview, schedule) and the list of sends (status, counts, cancel while allowed,
// the failure report while its link is valid). Every API text is set as text; the email preview is a sandboxed iframe.
import { api } from '../api.js';
import { h, time, badge, flash, showFieldErrors, errorSlot, formatNumber } from '../ui.js';

const STATUS_KIND = { scheduled: 'info', running: 'warn', done: 'ok', failed: 'bad', cancelled: '' };

export async function render(root, { isCurrent }) {
  const [{ items: stores }, { items: segments }, { items: sends }] = await Promise.all([api('/stores'), api('/segments'), api('/sends')]);
  if (!isCurrent()) return;
  const preview = h('div', { class: 'card', id: 'send-preview', 'aria-live': 'polite' });
  const form = sendForm(stores, segments, preview, () => render(reset(root), { isCurrent }));
  root.append(h('div', { class: 'split' },
    h('div', { class: 'card' }, h('h1', {}, 'Send coupon'),
      h('p', { class: 'muted' }, 'Placeholders: {{customer.name}}, {{coupon.name}}, {{coupon.code}}, {{coupon.endsAt}}, {{claimUrl}}.'), form),
    preview));
  root.append(h('div', { class: 'card' }, h('h2', {}, 'Sends'), sends.length === 0
    ? h('p', { class: 'empty' }, 'No sends yet.')
    : h('table', { class: 'data', id: 'sends' },
      h('thead', {}, h('tr', {}, ['Scheduled', 'Segment', 'Status', 'Sent', 'Failed', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, sends.map(s => sendRow(s, segments, () => render(reset(root), { isCurrent })))))));
}

function reset(root) {
  root.replaceChildren();
  return root;
}

function sendRow(s, segments, refresh) {
  const segment = segments.find(x => x.id === s.segmentId)?.name ?? s.segmentId;
  const actions = h('td', {});
  if (s.canCancel) actions.append(h('button', { type: 'button', class: 'secondary', onclick: async () => {
    try {
      await api(`/sends/${encodeURIComponent(s.id)}/cancel`, { method: 'POST' });
      flash('The send was cancelled.', 'ok');
      await refresh();
    } catch (error) {
      flash(error.message);
    }
  } }, 'Cancel'));
  if (s.status === 'done' || s.status === 'failed') {
    actions.append(h('a', { href: `#/sends/${encodeURIComponent(s.id)}`, class: 'small', onclick: async (event) => {
      event.preventDefault();
      const detail = await api(`/sends/${encodeURIComponent(s.id)}`);
      const report = detail.report;
      if (report?.status === 'available' && report.link) window.open(report.link, '_blank', 'noopener');
      else flash(report ? 'The failure report was available for 7 days; it has expired.' : 'Nothing failed: there is no failure report.', report ? 'error' : 'ok');
    } }, s.counts.failed > 0 ? 'Failure report' : 'Details'));
  }
  return h('tr', { dataset: { id: s.id, status: s.status } },
    h('td', {}, time(s.scheduledAt)), h('td', {}, segment),
    h('td', {}, badge(s.status, STATUS_KIND[s.status] ?? '')),
    h('td', {}, formatNumber(s.counts.sent)), h('td', {}, formatNumber(s.counts.failed)), actions);
}

function field(label, name, control) {
  return h('label', {}, label, control, errorSlot(name, `error-${name.replace('.', '-')}`));
}

function sendForm(stores, segments, preview, refresh) {
  const store = h('select', { name: 'storeId', required: true }, stores.map(s => h('option', { value: s.id }, s.displayName)));
  const coupon = h('select', { name: 'couponId', required: true });
  const slot = h('select', { name: 'scheduledAt' });
  const fill = async () => {
    coupon.replaceChildren();
    slot.replaceChildren();
    if (!store.value) return;
    const [coupons, slots] = await Promise.all([
      api(`/coupons?store=${encodeURIComponent(store.value)}`).catch(() => ({ items: [] })),
      api(`/stores/${encodeURIComponent(store.value)}/send-slots`),
    ]);
    coupon.append(...coupons.items.map(c => h('option', { value: c.platformCouponId }, `${c.name} (${c.code ?? 'no code'})`)));
    slot.append(...slots.items.map(s => h('option', { value: s.at }, `${s.local} ${slots.timeZone}`)));
  };
  store.addEventListener('change', fill);
  const form = h('form', { id: 'send-form', novalidate: true },
    field('Segment', 'segmentId', h('select', { name: 'segmentId', required: true }, segments.map(s => h('option', { value: s.id }, s.name)))),
    field('Store', 'storeId', store),
    field('Coupon', 'couponId', coupon),
    h('fieldset', {}, h('legend', {}, 'Channels'),
      h('label', {}, h('input', { type: 'checkbox', name: 'email', checked: true }), ' Email'),
      h('label', {}, h('input', { type: 'checkbox', name: 'sms' }), ' SMS'),
      errorSlot('channels', 'error-channels')),
    field('Send at (whole hours, at least 2 hours ahead, store time)', 'scheduledAt', slot),
    field('Email subject', 'message.emailSubject', h('input', { name: 'message.emailSubject', value: '{{customer.name}}, a coupon for you' })),
    field('Email body (HTML)', 'message.emailBody', h('textarea', { name: 'message.emailBody', rows: 5 }, '<p>Hi {{customer.name}}, use <b>{{coupon.code}}</b> until {{coupon.endsAt}}: <a href="{{claimUrl}}">shop now</a></p>')),
    field('SMS text', 'message.smsText', h('textarea', { name: 'message.smsText', rows: 2 }, '{{coupon.name}}: code {{coupon.code}} {{claimUrl}}')),
    field('Landing page (Lazada, TikTok Shop)', 'landingUrl', h('input', { name: 'landingUrl', type: 'url' })),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'preview-send', onclick: () => submit('/sends/preview', false) }, 'Preview'),
      h('button', { type: 'submit', id: 'schedule-send' }, 'Schedule send')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit('/sends', true);
  });

  async function submit(path, schedule) {
    const f = form.elements;
    const body = {
      segmentId: f.segmentId.value, storeId: f.storeId.value, couponId: f.couponId.value, scheduledAt: f.scheduledAt.value || null,
      channels: ['email', 'sms'].filter(c => f[c].checked), landingUrl: f.landingUrl.value || null,
      message: { emailSubject: f['message.emailSubject'].value, emailBody: f['message.emailBody'].value, smsText: f['message.smsText'].value },
    };
    try {
      const result = await api(path, { method: 'POST', body });
      showFieldErrors(form, null);
      if (schedule) {
        flash('The send is scheduled.', 'ok');
        await refresh();
      } else showPreview(preview, result);
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash(unplaced.length ? unplaced.join(' ') : error.message);
    }
  }

  fill();
  return form;
}

function showPreview(pane, p) {
  pane.replaceChildren(h('h2', {}, 'Preview'),
    h('p', { id: 'preview-estimate' }, `${formatNumber(p.members)} members; about ${formatNumber(p.estimatedRecipients.total)} reachable ` +
      `(${formatNumber(p.estimatedRecipients.email)} by email, ${formatNumber(p.estimatedRecipients.sms)} by SMS).`),
    p.email ? h('section', {}, h('h3', {}, p.email.subject),
      h('iframe', { sandbox: '', srcdoc: p.email.html, title: 'Email preview', class: 'email-frame', referrerpolicy: 'no-referrer' })) : null,
    p.sms ? h('section', {}, h('h3', {}, 'SMS'), h('pre', { class: 'email-text', id: 'preview-sms' }, p.sms.text),
      h('p', { class: 'muted small', id: 'preview-sms-info' }, `${p.sms.length} characters · ${p.sms.encoding} · ${p.sms.parts} part${p.sms.parts === 1 ? '' : 's'}`)) : null);
}
