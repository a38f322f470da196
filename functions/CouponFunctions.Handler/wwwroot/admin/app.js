// The admin page shell: sign-in with an API key, then hash-routed views over the HTTP API.
import { api, savedKey, saveKey, forgetKey, ApiError } from './api.js';
import { flash, showFieldErrors } from './ui.js';

const views = {
  stores: () => import('./views/stores.js'),
};

let me = null;

async function signIn(key, remember) {
  me = await api('/me', { key });
  saveKey(key, remember);
}

function showSignedIn(signedIn) {
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  document.getElementById('view').hidden = !signedIn;
  if (signedIn) document.getElementById('who-text').textContent = `${me.tenantId} · ${me.role}${me.storeScope ? ' · scoped' : ''}`;
}

async function route() {
  if (!me) return;
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'stores').split('/');
  const load = views[name] ?? views.stores;
  for (const link of document.querySelectorAll('#nav a')) link.classList.toggle('active', link.dataset.view === name);
  const view = document.getElementById('view');
  view.replaceChildren();
  flash('');
  try {
    const module = await load();
    await module.render(view, { me, params: rest });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signOut('Your key is no longer valid; sign in again.');
    flash(error.message);
  }
}

function signOut(message) {
  me = null;
  forgetKey();
  showSignedIn(false);
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
      await signIn(key, localStorage.getItem('couponfunctions.apiKey') !== null);
    } catch {
      forgetKey();
    }
  }
  showSignedIn(Boolean(me));
  await route();
})();
