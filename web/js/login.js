// Log-in. Already logged in: straight on to where the user was going.
import { api, get } from './api.js';
import { $, param } from './dom.js';
import { errorText, loadLanguage, t } from './i18n.js';
import { setUpHeader } from './header.js';

function next() {
  const n = param('next') || '';
  // Only pages of this app: a name like "code.html?t=3", never another site.
  return /^[a-z]+\.html(\?[\w=&%.-]*)?$/.test(n) ? n : 'projects.html';
}

async function start() {
  await loadLanguage();
  setUpHeader(null);
  // /api/session answers 200 logged in or not: the check leaves no error in the console.
  if ((await get('/api/session')).loggedIn) return location.replace(next());
  const form = $('#login-form');
  $('#name').focus();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = $('#login-error');
    error.hidden = true;
    try {
      await api('POST', '/api/login', { name: $('#name').value.trim(), password: $('#password').value });
      location.assign(next());
    } catch (err) {
      // A log-in refused unchecked (429: this name or address is closed for a while; 503: too many at once) says why.
      error.textContent = err.status === 401 || err.status === 400 ? t('login.failed')
        : err.status === 429 || err.status === 503 ? errorText(err) : t('common.loadFailed', { message: errorText(err) });
      error.hidden = false;
      $('#password').select();
    }
  });
  document.body.dataset.ready = 'true';
}

start();
