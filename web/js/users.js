// Users (system administrators): add a user with a typed or generated first password, reset a
// password, deactivate and reactivate. A generated password is shown once, here, and nowhere else.
import { api, get } from './api.js';
import { $, h } from './dom.js';
import { errorText, t } from './i18n.js';
import { openPage } from './header.js';

const ROLES = ['coder', 'trainer', 'analyst', 'admin'];
let me;
let users = [];
/** The user whose password is being reset. */
let resetting = null;

async function start() {
  me = await openPage('users', true);
  if (!me) return;
  wireMode('new-mode', '#new-password');
  wireMode('reset-mode', '#reset-password');
  $('#new-user').addEventListener('submit', add);
  $('#reset-form').addEventListener('submit', reset);
  $('#reset-cancel').addEventListener('click', closeReset);
  await load();
  $('#users-page').hidden = false;
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

/** The radio pair "generate / type": the password field shows only for "type". */
function wireMode(name, input) {
  for (const r of document.querySelectorAll(`input[name=${name}]`)) {
    r.addEventListener('change', () => {
      $(input).hidden = mode(name) !== 'type';
      if (!$(input).hidden) $(input).focus();
    });
  }
}

const mode = (name) => document.querySelector(`input[name=${name}]:checked`).value;

async function load() {
  users = await get('/api/users');
  render();
}

function render() {
  const role = $('#new-role');
  const chosen = role.value || 'coder';
  role.replaceChildren(...ROLES.map((r) => h('option', { value: r, text: t('systemRole.' + r), selected: r === chosen })));
  $('#users').replaceChildren(...users.map(row));
  if (resetting) $('#reset-title').textContent = t('users.resetTitle', { name: resetting.name });
}

function row(u) {
  const self = u.id === me.id;
  return h('tr', { class: u.active ? '' : 'inactive', dataset: { user: u.name } },
    h('th', { scope: 'row', text: u.name }),
    h('td', { text: t('systemRole.' + u.systemRole) }),
    h('td', {}, h('span', { class: `badge ${u.active ? 'pass' : 'fail'}`, text: t(u.active ? 'users.active' : 'users.inactive') })),
    h('td', { class: 'when', text: (u.active ? u.createdAt : u.deactivatedAt || '').slice(0, 10) }),
    h('td', { class: 'actions' },
      self ? h('a', { class: 'button quiet', href: 'account.html', text: t('users.mine') }) : [
        h('button', { type: 'button', class: 'quiet', text: t('users.reset'), 'aria-label': t('users.resetFor', { name: u.name }),
          onclick: () => openReset(u) }),
        u.active
          ? h('button', { type: 'button', class: 'quiet', text: t('users.deactivate'), 'aria-label': t('users.deactivateFor', { name: u.name }),
            onclick: () => setActive(u, false) })
          : h('button', { type: 'button', class: 'quiet', text: t('users.reactivate'), 'aria-label': t('users.reactivateFor', { name: u.name }),
            onclick: () => setActive(u, true) })]));
}

function say(el, state, text) {
  el.dataset.state = state;
  el.textContent = text;
}

/** A password shown once, with whom it is for; it goes when the page is left. */
function showSecret(name, password) {
  const box = $('#secret');
  box.replaceChildren(
    h('p', {}, t('users.secretFor', { name }), ' ', h('code', { class: 'password', text: password })),
    h('p', { class: 'small muted', text: t('users.secretOnce') }));
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

async function add(e) {
  e.preventDefault();
  const status = $('#new-status');
  const body = { name: $('#new-name').value, role: $('#new-role').value };
  if (mode('new-mode') === 'type') body.password = $('#new-password').value;
  try {
    const made = await api('POST', '/api/users', body);
    say(status, 'done', t('users.added', { name: made.user.name }));
    if (made.generatedPassword) showSecret(made.user.name, made.generatedPassword);
    $('#new-name').value = '';
    $('#new-password').value = '';
    await load();
    $('#new-name').focus();
  } catch (err) {
    say(status, 'failed', errorText(err));
  }
}

function openReset(u) {
  resetting = u;
  $('#reset-title').textContent = t('users.resetTitle', { name: u.name });
  $('#reset').hidden = false;
  $('#reset-password').value = '';
  document.querySelector('input[name=reset-mode][value=generate]').checked = true;
  $('#reset-password').hidden = true;
  document.querySelector('input[name=reset-mode]:checked').focus();
}

function closeReset() {
  const name = resetting && resetting.name;
  resetting = null;
  $('#reset').hidden = true;
  const back = name && document.querySelector(`tr[data-user="${CSS.escape(name)}"] button`);
  if (back) back.focus();
}

async function reset(e) {
  e.preventDefault();
  const u = resetting;
  const body = mode('reset-mode') === 'type' ? { password: $('#reset-password').value } : {};
  try {
    const r = await api('PUT', `/api/users/${u.id}/password`, body);
    if (r && r.generatedPassword) showSecret(u.name, r.generatedPassword);
    say($('#row-status'), 'done', t('users.resetDone', { name: u.name }));
    closeReset();
  } catch (err) {
    say($('#row-status'), 'failed', errorText(err));
  }
}

async function setActive(u, active) {
  if (!active && !window.confirm(t('users.confirmDeactivate', { name: u.name }))) return;
  try {
    await api('POST', active ? `/api/users/${u.id}/reactivate` : `/api/users/${u.id}/deactivate`, {});
    await load();
    const again = document.querySelector(`tr[data-user="${CSS.escape(u.name)}"] td.actions button:last-child`);
    if (again) again.focus();
    // Said once the list shows the change, so that what is announced and what is on the screen agree.
    say($('#row-status'), 'done', t(active ? 'users.reactivated' : 'users.deactivated', { name: u.name }));
  } catch (err) {
    say($('#row-status'), 'failed', errorText(err));
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
