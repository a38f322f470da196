// API keys: issue (the key is shown once, with a copy button), list, revoke, and scope to stores. Workspace-wide:
// only admin keys that are not scoped to stores manage keys.
import { api } from '../api.js';
import { h, flash, showFieldErrors, time, badge } from '../ui.js';

export async function render(root, { me }) {
  const [{ items }, stores] = await Promise.all([api('/keys'), api('/stores')]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const names = new Map(stores.items.map(s => [s.id, s.displayName]));
  const refresh = async () => { root.replaceChildren(); await render(root, { me }); };
  root.append(
    h('div', { class: 'card' },
      h('h1', {}, 'API keys'),
      h('p', { class: 'muted' }, `Times in your zone (${zone}). Revoked keys stop working at once.`),
      h('table', { class: 'data', id: 'keys' },
        h('thead', {}, h('tr', {}, ['Name', 'Role', 'Stores', 'Created', ''].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map(k => h('tr', { dataset: { keyId: k.id }, class: k.revokedAt ? 'revoked' : null },
          h('td', {}, h('strong', {}, k.name), h('div', { class: 'muted mono' }, k.id)),
          h('td', {}, badge(k.role, k.role === 'admin' ? 'warn' : '')),
          h('td', {}, k.storeScope ? k.storeScope.map(id => names.get(id) ?? id).join(', ') : h('span', { class: 'muted' }, 'every store')),
          h('td', {}, time(k.createdAt, zone), k.revokedAt ? h('div', {}, badge('revoked', 'bad'), ' ', time(k.revokedAt, zone)) : null),
          h('td', { class: 'actions' }, k.revokedAt || k.id === me.keyId ? null : h('button', {
            type: 'button', class: 'revoke',
            onclick: async () => {
              if (!confirm(`Revoke "${k.name}"? Anything using it stops working.`)) return;
              try {
                await api(`/keys/${encodeURIComponent(k.id)}`, { method: 'DELETE' });
                flash(`Revoked ${k.name}.`, 'ok');
                await refresh();
              } catch (error) { flash(error.message); }
            },
          }, 'Revoke'))))))),
    issueForm(stores.items, refresh));
}

function issueForm(stores, refresh) {
  const form = h('form', { class: 'card', id: 'issue-key', novalidate: true },
    h('h2', {}, 'Issue a key'),
    h('div', { class: 'grid' },
      h('div', {}, h('label', { for: 'key-name' }, 'Name'), h('input', { id: 'key-name', name: 'name', placeholder: 'e.g. Mai (ops)' }), h('p', { class: 'field-error', dataset: { errorFor: 'name' } })),
      h('div', {}, h('label', { for: 'key-role' }, 'Role'),
        h('select', { id: 'key-role', name: 'role' }, ['viewer', 'editor', 'admin'].map(r => h('option', { value: r }, r))), h('p', { class: 'field-error', dataset: { errorFor: 'role' } }))),
    h('fieldset', { class: 'filter checks', id: 'key-scope' }, h('legend', {}, 'Only these stores (none ticked: every store)'),
      stores.map(s => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'storeScope', value: s.id }), s.displayName)),
      h('p', { class: 'field-error', dataset: { errorFor: 'storeScope' } })),
    h('button', { type: 'submit', class: 'primary' }, 'Issue key'),
    h('div', { id: 'issued', 'aria-live': 'polite' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const scope = [...form.querySelectorAll('input[name=storeScope]:checked')].map(i => i.value);
    const body = { name: form.name.value.trim(), role: form.role.value, storeScope: scope.length ? scope : null };
    try {
      const issued = await api('/keys', { method: 'POST', body });
      showFieldErrors(form, null);
      await refresh();
      // Shown once: the server keeps only a hash. Placed after the refresh so the list already has the new key.
      const box = document.getElementById('issued');
      const text = h('input', { id: 'issued-key', readonly: true, value: issued.key, class: 'mono', 'aria-label': 'The new key' });
      box.replaceChildren(h('div', { class: 'note' },
        h('p', {}, h('strong', {}, `Key for ${issued.details.name}. Copy it now: it is not shown again.`)),
        h('div', { class: 'list-input' }, text, h('button', { type: 'button', id: 'copy-key', onclick: async (e) => {
          try { await navigator.clipboard.writeText(issued.key); e.currentTarget.textContent = 'Copied'; } catch { text.select(); flash('Copy it from the field (the browser refused the clipboard).'); }
        } }, 'Copy'))));
    } catch (error) {
      const unplaced = showFieldErrors(form, error);
      flash([error.message, ...unplaced].join(' '));
    }
  });
  return form;
}
