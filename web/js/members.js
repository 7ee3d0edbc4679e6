// A project's members: administrators add an existing user with a role, change a role and remove a
// member (their codes stay theirs); trainers and analysts read the list; coders are told it is not for them.
import { api, get } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, t } from './i18n.js';
import { openProjectPage } from './header.js';

const projectId = Number(param('p'));
const ROLES = ['coder', 'trainer', 'analyst', 'admin'];
let admin = false;
let members = [];
let candidates = [];

async function start() {
  const opened = await openProjectPage(projectId, 'members', ['admin', 'trainer', 'analyst']);
  if (!opened) return;
  admin = opened.role === 'admin';
  if (admin) {
    $('#settings-link').href = `settings.html?p=${projectId}`;
    $('#settings-link').hidden = false;
    $('#add').hidden = false;
    $('#add-form').addEventListener('submit', add);
  }
  $('#created').hidden = !param('new');
  await load();
  $('#members-page').hidden = false;
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

async function load() {
  [members, candidates] = await Promise.all([get(`/api/projects/${projectId}/members`),
    admin ? get(`/api/projects/${projectId}/candidates`) : Promise.resolve([])]);
  render();
}

const roleOptions = (chosen) => ROLES.map((r) => h('option', { value: r, selected: r === chosen, text: t('memberRole.' + r) }));

function render() {
  $('#created').textContent = t('members.created');
  if (admin) {
    const user = $('#add-user').value;
    $('#add-user').replaceChildren(...candidates.map((c) => h('option', { value: c.name, selected: c.name === user, text: c.name })));
    $('#add-role').replaceChildren(...roleOptions($('#add-role').value || 'coder'));
    $('#add-form').hidden = !candidates.length;
    $('#no-candidates').hidden = candidates.length > 0;
  }
  $('#members').replaceChildren(...members.map(row));
}

function row(m) {
  const name = h('th', { scope: 'row' }, m.name, m.active ? null : h('span', { class: 'badge fail', text: t('users.inactive') }));
  const role = admin
    ? h('select', { 'aria-label': t('members.roleOf', { name: m.name }), onchange: (e) => changeRole(m, e.target) }, roleOptions(m.role))
    : t('memberRole.' + m.role);
  return h('tr', { dataset: { user: m.name } }, name, h('td', {}, role), h('td', { class: 'when', text: m.addedAt.slice(0, 10) }),
    h('td', { class: 'actions' }, admin ? h('button', { type: 'button', class: 'quiet', text: t('members.remove'),
      'aria-label': t('members.removeFor', { name: m.name }), onclick: () => remove(m) }) : null));
}

function say(el, state, text) {
  el.dataset.state = state;
  el.textContent = text;
}

async function add(e) {
  e.preventDefault();
  try {
    const m = await api('POST', `/api/projects/${projectId}/members`, { userName: $('#add-user').value, role: $('#add-role').value });
    say($('#add-status'), 'done', t('members.added', { name: m.name, role: t('memberRole.' + m.role) }));
    await load();
    $('#add-user').focus();
  } catch (err) {
    say($('#add-status'), 'failed', errorText(err));
  }
}

async function changeRole(m, select) {
  try {
    const changed = await api('PUT', `/api/projects/${projectId}/members/${m.userId}`, { role: select.value });
    m.role = changed.role;
    say($('#row-status'), 'done', t('members.changed', { name: m.name, role: t('memberRole.' + m.role) }));
  } catch (err) {
    select.value = m.role;
    say($('#row-status'), 'failed', errorText(err));
  }
}

async function remove(m) {
  if (!window.confirm(t('members.confirmRemove', { name: m.name }))) return;
  try {
    await api('DELETE', `/api/projects/${projectId}/members/${m.userId}`);
    say($('#row-status'), 'done', t('members.removed', { name: m.name }));
    await load();
    const next = document.querySelector('#members select, #add-user');
    if (next) next.focus();
  } catch (err) {
    say($('#row-status'), 'failed', errorText(err));
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
