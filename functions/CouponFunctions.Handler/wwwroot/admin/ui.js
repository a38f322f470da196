// Small DOM helpers shared by the views.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function flash(message, kind = 'error') {
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

export function formatTime(iso, timeZone) {
  if (!iso) return '—';
  // dateStyle/timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
  const options = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone || undefined, timeZoneName: 'short' };
  return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
}

export function badge(text, kind = '') {
  return h('span', { class: `badge ${kind}` }, text);
}
