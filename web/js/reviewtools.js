// The review page's trainer tools besides the reference: which coding the profile is read from (every coder's and
// the consensus, with the units each covers: a partial coding is never silently the one shown), and the
// professional whose session it is, linked or unlinked by name (project members, and every user for a system administrator).
import { api, ApiError, get } from './api.js';
import { $, h } from './dom.js';
import { errorText, t } from './i18n.js';
import { coderName } from './names.js';

/** The coding chooser; onChange(query) with 'dataset=consensus', 'coder=ID' or ''. */
export async function setUpCodingChoice(profile, transcriptId, onChange) {
  const data = await get(`/api/transcripts/${transcriptId}/codings`);
  const select = $('#coding');
  const fill = () => {
    const value = select.value || (profile().consensus ? 'consensus' : String(profile().coding.id));
    select.replaceChildren(...data.codings.map((c) => h('option', { value: c.consensus ? 'consensus' : String(c.coderId),
      text: t('review.codingOption', { name: coderName(c.name), covered: c.units, units: data.units }) })));
    select.value = value;
  };
  fill();
  document.addEventListener('languagechange', fill);
  select.addEventListener('change', () => onChange(select.value === 'consensus' ? 'dataset=consensus' : `coder=${select.value}`));
  $('#coding-tools').hidden = false;
}

/** The professional link: a select of people by name and a button; onChange() after a save. */
export async function setUpProfessionalLink(profile, user, onChange) {
  const members = await get(`/api/projects/${profile().projectId}/members`);
  const users = user.systemRole === 'admin' ? await get('/api/users') : [];
  const people = new Map();
  for (const p of [...members.map((m) => ({ id: m.userId, name: m.name })), ...users.map((u) => ({ id: u.id, name: u.name }))]) people.set(p.id, p.name);
  const fill = () => {
    const now = profile().professional;
    if (now) people.set(now.id, now.name);
    const sorted = [...people.entries()].sort((a, b) => a[1].localeCompare(b[1]));
    $('#professional').replaceChildren(h('option', { value: '', text: t('review.noProfessionalOption') }),
      ...sorted.map(([id, name]) => h('option', { value: id, text: name })));
    $('#professional').value = now ? String(now.id) : '';
  };
  fill();
  document.addEventListener('languagechange', fill);
  $('#link-professional').addEventListener('click', async () => {
    const value = $('#professional').value;
    const status = $('#professional-status');
    try {
      await api('PUT', `/api/transcripts/${profile().transcriptId}/professional`, { userId: value ? Number(value) : null });
      status.classList.remove('error-text');
      status.textContent = value ? t('review.linked', { name: people.get(Number(value)) }) : t('review.unlinked');
      await onChange();
      fill();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.classList.add('error-text');
      status.textContent = errorText(e);
    }
  });
  $('#professional-tools').hidden = false;
}
