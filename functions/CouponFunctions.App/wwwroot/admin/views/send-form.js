// "Send coupon": segment, store, a coupon that can still be handed out, channels, a whole hour at least 2 hours ahead in
// the store's zone (the send-slots API decides which; half-hour zones included), the message with placeholders, the
// email and SMS preview, then a confirmation before the send is scheduled. The server checks everything again.
import { api } from '../api.js';
import { h, flash, showFieldErrors, errorSlot, formatNumber, formatTime } from '../ui.js';

const SENDABLE_STATUSES = 'upcoming,ongoing';

function field(label, name, control) {
  const id = `send-${name.replace('.', '-')}`;
  control.id = id;
  control.setAttribute('aria-describedby', `error-${name.replace('.', '-')}`);
  return h('div', {}, h('label', { for: id }, label), control, errorSlot(name, `error-${name.replace('.', '-')}`));
}

// Coupons a message can hand out: not ended (or ending before the first slot), with a code where the platform needs one.
// Kinds only collectible inside the platform (live, chat, follower vouchers) are refused by the server at the coupon field.
function sendable(coupon, firstSlot) {
  if (coupon.removedAt || coupon.isArchived) return false;
  if (firstSlot && new Date(coupon.validTo) <= firstSlot) return false;
  if (coupon.claimEnd && firstSlot && new Date(coupon.claimEnd) <= firstSlot) return false;
  const platform = String(coupon.platform).toLowerCase();
  return !((platform === 'shopee' || platform === 'shopline') && !coupon.code);
}

// "2026-12-06 16:00 (UTC+05:30)" → day "2026-12-06 (UTC+05:30)", hour "16:00".
function slotParts(local) {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) \((.+)\)$/.exec(local);
  return match ? { day: `${match[1]} (${match[3]})`, hour: match[2] } : { day: '', hour: local };
}

export function sendForm(stores, segments, { segmentId, preview, scheduled }) {
  const store = h('select', { name: 'storeId', required: true }, stores.map(s => h('option', { value: s.id }, s.displayName)));
  const coupon = h('select', { name: 'couponId', required: true });
  const slot = h('select', { name: 'scheduledAt' });
  const zoneNote = h('p', { class: 'hint', id: 'send-zone' });
  const confirmBox = h('div', { id: 'send-confirm', 'aria-live': 'polite' });
  let zone = null;
  const fill = async () => {
    coupon.replaceChildren();
    slot.replaceChildren();
    zoneNote.textContent = '';
    if (!store.value) return;
    const [coupons, slots] = await Promise.all([
      api(`/coupons?store=${encodeURIComponent(store.value)}&status=${SENDABLE_STATUSES}&pageSize=500`).catch(() => ({ items: [] })),
      api(`/stores/${encodeURIComponent(store.value)}/send-slots`),
    ]);
    zone = slots.timeZone;
    const first = slots.items.length ? new Date(slots.items[0].at) : null;
    const usable = coupons.items.filter(c => sendable(c, first));
    coupon.append(...(usable.length ? usable.map(c => h('option', { value: c.platformCouponId }, `${c.name} (${c.code ?? 'no code'})`))
      : [h('option', { value: '' }, 'No coupon of this store can be sent')]));
    const days = new Map();
    for (const s of slots.items) {
      const { day, hour } = slotParts(s.local);
      if (!days.has(day)) days.set(day, h('optgroup', { label: day }));
      days.get(day).append(h('option', { value: s.at }, `${hour} · ${day}`));
    }
    slot.append(...days.values());
    zoneNote.textContent = `Times are the store's (${zone}); the earliest is the first whole hour at least 2 hours from now.`;
  };
  store.addEventListener('change', () => fill().catch(e => flash(e.message)));
  const form = h('form', { id: 'send-form', novalidate: true },
    field('Segment', 'segmentId', h('select', { name: 'segmentId', required: true }, segments.map(s => h('option', { value: s.id, selected: s.id === segmentId }, s.name)))),
    field('Store', 'storeId', store),
    field('Coupon', 'couponId', coupon),
    h('fieldset', {}, h('legend', {}, 'Channels'),
      h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'email', checked: true }), ' Email'),
      h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'sms' }), ' SMS'),
      errorSlot('channels', 'error-channels')),
    field('Send at (store time)', 'scheduledAt', slot), zoneNote,
    field('Email subject', 'message.emailSubject', h('input', { name: 'message.emailSubject', value: '{{customer.name}}, a coupon for you' })),
    field('Email body (HTML)', 'message.emailBody', h('textarea', { name: 'message.emailBody', rows: 5 }, '<p>Hi {{customer.name}}, use <b>{{coupon.code}}</b> until {{coupon.endsAt}}: <a href="{{claimUrl}}">shop now</a></p>')),
    field('SMS text', 'message.smsText', h('textarea', { name: 'message.smsText', rows: 2 }, '{{coupon.name}}: code {{coupon.code}} {{claimUrl}}')),
    field('Landing page (Lazada, TikTok Shop)', 'landingUrl', h('input', { name: 'landingUrl', type: 'url' })),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'preview-send', onclick: () => submit('/sends/preview') }, 'Preview'), ' ',
      h('button', { type: 'submit', id: 'schedule-send' }, 'Schedule send…')),
    confirmBox);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await submit('/sends/preview');
    if (result) confirm(result);
  });
  // Editing anything after the confirmation was shown makes it stale.
  form.addEventListener('input', () => confirmBox.replaceChildren());

  function body() {
    const f = form.elements;
    return {
      segmentId: f.segmentId.value, storeId: f.storeId.value, couponId: f.couponId.value, scheduledAt: f.scheduledAt.value || null,
      channels: ['email', 'sms'].filter(c => f[c].checked), landingUrl: f.landingUrl.value || null,
      message: { emailSubject: f['message.emailSubject'].value, emailBody: f['message.emailBody'].value, smsText: f['message.smsText'].value },
    };
  }

  async function submit(path) {
    try {
      const result = await api(path, { method: 'POST', body: body() });
      showFieldErrors(form, null);
      if (path === '/sends/preview') showPreview(preview, result);
      return result;
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash(unplaced.length ? unplaced.join(' ') : error.message);
      return null;
    }
  }

  // The preview passed: say what will happen and ask once more.
  function confirm(p) {
    const f = form.elements;
    const at = f.scheduledAt.value;
    confirmBox.replaceChildren(h('div', { class: 'note' },
      h('p', {}, h('strong', {}, `Send ${f.couponId.selectedOptions[0]?.textContent ?? ''} to ${f.segmentId.selectedOptions[0]?.textContent ?? ''}`),
        ` at ${formatTime(at, zone)} (store time), to about ${formatNumber(p.estimatedRecipients.total)} recipients. It can be cancelled until 2 hours before.`),
      h('button', { type: 'button', class: 'primary', id: 'confirm-send', onclick: async (event) => {
        event.currentTarget.disabled = true;
        const sent = await submit('/sends');
        confirmBox.replaceChildren();
        if (sent) await scheduled(sent);
      } }, 'Confirm and schedule')));
  }

  fill().catch(e => flash(e.message));
  return form;
}

function showPreview(pane, p) {
  const channels = [p.email ? 'email' : null, p.sms ? 'SMS' : null].filter(Boolean).join(' and ');
  pane.replaceChildren(h('h2', {}, 'Preview'),
    h('p', { id: 'preview-estimate' }, `${formatNumber(p.members)} members; about ${formatNumber(p.estimatedRecipients.total)} reachable ` +
      `(${formatNumber(p.estimatedRecipients.email)} by email, ${formatNumber(p.estimatedRecipients.sms)} by SMS), after consent and contact checks.`),
    h('p', { class: 'muted small' }, `As a sample member of the segment gets the ${channels || "message"}.`),
    p.email ? h('section', {}, h('h3', {}, p.email.subject),
      h('iframe', { sandbox: '', srcdoc: p.email.html, title: 'Email preview', class: 'email-frame', referrerpolicy: 'no-referrer' })) : null,
    p.sms ? h('section', {}, h('h3', {}, 'SMS'), h('pre', { class: 'email-text', id: 'preview-sms' }, p.sms.text),
      h('p', { class: 'muted small', id: 'preview-sms-info' }, `${p.sms.length} characters · ${p.sms.encoding} · ${p.sms.parts} part${p.sms.parts === 1 ? '' : 's'}`,
        p.sms.parts > 1 ? ' (each part is charged as one SMS)' : '')) : null);
}
