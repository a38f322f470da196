// The admin page shell: sign-in with an API key, then hash-routed views over the HTTP API.
// Routes look like #/coupons?status=ongoing (the query is the view's state) or #/coupons/{storeId}/{couponId}.
import { api, savedKey, saveKey, forgetKey, isKeyRemembered, ApiError } from './api.js';
import { flash, showFieldErrors } from './ui.js';

const views = {
  attention: () => import('./views/attention.js'),
  dashboard: () => import('./views/dashboard.js'),
  coupons: (params) => (params.length >= 2 ? import('./views/coupon.js') : import('./views/coupons.js')),
  findings: () => import('./views/findings.js'),
  stores: () => import('./views/stores.js'),
  settings: () => import('./views/settings.js'),
  outbox: () => import('./views/outbox.js'),
  customers: () => import('./views/customers.js'),
  segments: () => import('./views/segments.js'),
  sends: () => import('./views/sends.js'),
  keys: () => import('./views/keys.js'),
  templates: () => import('./views/templates.js'),
  deploy: () => import('./views/deploy.js'),
  jobs: () => import('./views/jobs.js'),
  actions: () => import('./views/actions.js'),
};

// Views without a link of their own light up the link of the view they belong to.
const NAV_OF = { deploy: 'templates', actions: 'coupons' };

let me = null;
let rendering = 0;

async function signIn(key, remember) {
  me = await api('/me', { key });
  saveKey(key, remember);
}

function showSignedIn(signedIn) {
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('view').hidden = !signedIn;
  if (!signedIn) return;
  document.getElementById('who-text').textContent = `${me.tenantId} · ${me.role}${me.storeScope ? ' · scoped' : ''}`;
  // Digests cover the whole workspace: the API refuses the outbox to keys scoped to some stores.
  document.querySelector('#nav a[data-view=outbox]').hidden = Boolean(me.storeScope);
  // Keys are workspace-wide: only admin keys without a store scope manage them.
  document.querySelector('#nav a[data-view=keys]').hidden = Boolean(me.storeScope) || me.role !== 'admin';
}

function parseHash(hash = location.hash) {
  const text = hash.replace(/^#\/?/, '');
  const at = text.indexOf('?');
  const path = at < 0 ? text : text.slice(0, at);
  const [name, ...params] = (path || 'attention').split('/').map(decodeURIComponent);
  return { name, params, query: new URLSearchParams(at < 0 ? '' : text.slice(at + 1)) };
}

async function route() {
  if (!me) return;
  const { name, params, query } = parseHash();
  const known = name in views ? name : 'attention';
  for (const link of document.querySelectorAll('#nav a')) {
    const active = link.dataset.view === (NAV_OF[known] ?? known);
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const view = document.getElementById('view');
  const ticket = ++rendering;
  view.replaceChildren();
  view.setAttribute('aria-busy', 'true');
  flash('');
  try {
    const module = await views[known](params);
    if (ticket !== rendering) return;
    await module.render(view, { me, params, query, isCurrent: () => ticket === rendering });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signOut('Your key is no longer valid; sign in again.');
    if (ticket === rendering) flash(error.message);
  } finally {
    if (ticket === rendering) view.removeAttribute('aria-busy');
  }
}

function signOut(message) {
  me = null;
  forgetKey();
  showSignedIn(false);
  document.getElementById('view').replaceChildren();
  flash(message ?? '', 'ok');
}

document.getElementById('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const key = form.apiKey.value.trim();
  try {
    await signIn(key, document.getElementById('remember').checked);
    form.reset();
    showFieldErrors(form, null);
    showSignedIn(true);
    await route();
  } catch (error) {
    const fields = error.status === 401 ? { apiKey: [error.message] } : {};
    showFieldErrors(form, { fields });
    if (error.status !== 401) flash(error.message);
  }
});

document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.'));
window.addEventListener('hashchange', route);

(async () => {
  const key = savedKey();
  if (key) {
    try {
      await signIn(key, isKeyRemembered());
    } catch {
      forgetKey();
    }
  }
  showSignedIn(Boolean(me));
  await route();
})();
