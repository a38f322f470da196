// Small DOM helpers shared by the views. Everything from the API is set as text (never as HTML).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

let pendingFlash = null;

// A message for the view the page is about to open (navigating clears the flash): shown by the next flash('').
export function flashAfterNavigation(message, kind = 'ok') {
  pendingFlash = [message, kind];
}

export function flash(message, kind = 'error') {
  if (!message && pendingFlash) {
    [message, kind] = pendingFlash;
    pendingFlash = null;
  }
  const box = document.getElementById('flash');
  box.textContent = message;
  box.className = kind === 'ok' ? 'ok' : '';
  box.hidden = !message;
}

// Shows an ApiError's field messages next to the fields of a form (inputs named like the API fields).
export function showFieldErrors(form, error) {
  for (const el of form.querySelectorAll('[data-error-for]')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const [field, messages] of Object.entries(error?.fields ?? {})) {
    const slot = form.querySelector(`[data-error-for="${CSS.escape(field)}"]`);
    const input = form.querySelector(`[name="${CSS.escape(field)}"]`);
    if (input) input.setAttribute('aria-invalid', 'true');
    if (slot) slot.textContent = messages.join(' ');
    else unplaced.push(`${field}: ${messages.join(' ')}`);
  }
  return unplaced;
}

// The slot showFieldErrors fills for a field; give the input aria-describedby with the slot's id.
export function errorSlot(field, id) {
  return h('p', { class: 'field-error', id, dataset: { errorFor: field }, 'aria-live': 'polite' });
}

export function formatTime(iso, timeZone) {
  if (!iso) return '—';
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  const options = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone || undefined, timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

// A <time> element: the local text, the instant in the machine-readable attribute and the zone as a tooltip.
export function time(iso, timeZone) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: timeZone ? `${timeZone} (${iso})` : iso }, formatTime(iso, timeZone));
}

export function formatMoney(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
  } catch {
    return `${currency ?? ''} ${amount}`.trim();
  }
}

export function formatNumber(value) {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat().format(value);
}

export function formatPercent(ratio, digits = 1) {
  return ratio === null || ratio === undefined ? '—' : new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}

export const PLATFORMS = { shopee: 'Shopee', lazada: 'Lazada', tiktok: 'TikTok Shop', shopline: 'SHOPLINE' };

// Platform names come as "shopee" from some routes and "tikTok" (camelCase enum) from others.
export function platformName(platform) {
  return PLATFORMS[String(platform ?? '').toLowerCase()] ?? platform;
}

export const COUPON_STATUS_KIND = { upcoming: 'info', ongoing: 'ok', paused: 'warn', ended: '', deactivated: 'bad' };
export const SEVERITY_KIND = { critical: 'bad', warning: 'warn', info: 'info' };
export const FINDING_STATE_KIND = { new: 'bad', ongoing: 'warn', resolved: 'ok' };

// A definition list from [label, value] pairs; values may be nodes or text, empty ones shown as a dash.
export function facts(pairs, className = 'facts') {
  return h('dl', { class: className }, pairs.flatMap(([label, value]) => [
    h('dt', {}, label),
    h('dd', {}, value === null || value === undefined || value === '' ? '—' : value),
  ]));
}

export function couponHref(storeId, couponId) {
  return `#/coupons/${encodeURIComponent(storeId)}/${encodeURIComponent(couponId)}`;
}
