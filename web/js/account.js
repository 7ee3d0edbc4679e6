// My account: who I am, and my own password (the current one asked; my other sessions end).
import { api } from './api.js';
import { $ } from './dom.js';
import { errorText, t } from './i18n.js';
import { openPage } from './header.js';

let user;

async function start() {
  user = await openPage('account', false);
  describe();
  document.addEventListener('languagechange', describe);
  $('#password-form').addEventListener('submit', change);
  document.body.dataset.ready = 'true';
}

function describe() {
  $('#who').textContent = t('account.who', { name: user.name, role: t('systemRole.' + user.systemRole) });
}

function say(state, text) {
  const status = $('#password-status');
  status.dataset.state = state;
  status.textContent = text;
}

async function change(e) {
  e.preventDefault();
  if ($('#password').value !== $('#repeat').value) {
    say('failed', t('account.mismatch'));
    $('#repeat').select();
    return;
  }
  try {
    await api('PUT', '/api/me/password', { current: $('#current').value, password: $('#password').value });
    for (const id of ['#current', '#password', '#repeat']) $(id).value = '';
    say('done', t('account.changed'));
  } catch (err) {
    say('failed', errorText(err));
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
