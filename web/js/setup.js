// The one-time set-up of a server without users: the set-up code from the console makes the first
// administrator, who is then logged in and taken to My projects.
import { api } from './api.js';
import { $ } from './dom.js';
import { errorText, loadLanguage, t } from './i18n.js';
import { setUpHeader } from './header.js';

async function start() {
  await loadLanguage();
  setUpHeader(null);
  document.title = `${t('setup.title')} · Samenspraak`;
  $('#code').focus();
  $('#setup-form').addEventListener('submit', submit);
  document.body.dataset.ready = 'true';
}

async function submit(e) {
  e.preventDefault();
  const error = $('#setup-error');
  error.hidden = true;
  if ($('#password').value !== $('#repeat').value) {
    error.textContent = t('account.mismatch');
    error.hidden = false;
    $('#repeat').select();
    return;
  }
  try {
    await api('POST', '/api/setup', { code: $('#code').value, name: $('#name').value, password: $('#password').value });
    location.assign('projects.html');
  } catch (err) {
    error.textContent = errorText(err);
    error.hidden = false;
  }
}

start();
