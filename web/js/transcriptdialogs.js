// The two dialogs of the transcripts page: a transcript's speaker roles (confirming them all at once), and a
// soft delete that says, before it happens, what goes and what is kept. Native <dialog>: focus moves in,
// Escape closes, focus returns to the page.
import { api, ApiError } from './api.js';
import { $, h } from './dom.js';
import { errorText, t } from './i18n.js';

const ROLES = ['professional', 'client', 'other'];
let current = null;

/** Opens the roles of transcript x; onSaved() after the server confirmed them. */
export function openRoles(x, onSaved) {
  current = { x, onSaved };
  $('#roles-title').textContent = t('tr.rolesTitle', { name: x.name });
  $('#roles-rows').replaceChildren(...x.speakers.map((s, i) => h('tr', { dataset: { label: s.label } },
    h('th', { scope: 'row' }, h('label', { for: `role-${i}`, text: s.label })),
    h('td', { class: 'num', text: String(s.units) }),
    h('td', {}, h('select', { id: `role-${i}`, class: 'role-select', dataset: { label: s.label } },
      ROLES.map((r) => h('option', { value: r, text: t(`role.${r}`), selected: r === s.role ? true : null })))),
    h('td', { class: `role-state state-${s.source}`, text: t(`tr.state.${s.source}`) }))));
  $('#roles-error').hidden = true;
  $('#roles-dialog').showModal();
}

/** Opens the delete confirmation of transcript x (admins); onDeleted() after the server deleted it. */
export function openDelete(x, onDeleted) {
  current = { x, onDeleted };
  $('#delete-title').textContent = t('tr.deleteTitle', { name: x.name });
  $('#delete-gone').textContent = t('tr.deleteGone');
  $('#delete-kept').textContent = t('tr.deleteKept');
  $('#delete-error').hidden = true;
  $('#delete-dialog').showModal();
  $('#delete-cancel').focus();
}

async function saveRoles(e) {
  e.preventDefault();
  const roles = {};
  for (const select of document.querySelectorAll('#roles-rows select')) roles[select.dataset.label] = select.value;
  try {
    await api('PUT', `/api/transcripts/${current.x.id}/speakers`, roles);
    $('#roles-dialog').close();
    await current.onSaved();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    $('#roles-error').textContent = errorText(err);
    $('#roles-error').hidden = false;
  }
}

async function remove(e) {
  e.preventDefault();
  try {
    await api('DELETE', `/api/transcripts/${current.x.id}`);
    $('#delete-dialog').close();
    await current.onDeleted();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    $('#delete-error').textContent = errorText(err);
    $('#delete-error').hidden = false;
  }
}

$('#roles-form').addEventListener('submit', saveRoles);
$('#roles-cancel').addEventListener('click', () => $('#roles-dialog').close());
$('#delete-form').addEventListener('submit', remove);
$('#delete-cancel').addEventListener('click', () => $('#delete-dialog').close());
