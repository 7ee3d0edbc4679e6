// Erasing a transcript for a data-subject request (erase.html?t=<id>): what goes, the reason, the
// transcript's name typed to confirm; afterwards (or for an erased transcript) the tombstone that stays.
import { ApiError, api, get, currentUser } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, language, loadLanguage, t } from './i18n.js';
import { setUpHeader } from './header.js';
import { int } from './format.js';

const transcriptId = Number(param('t'));
let preview = null;

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  document.title = `${t('trust.erase.title')} · Samenspraak`;
  try {
    preview = await get(`/api/transcripts/${transcriptId}/erasure`);
  } catch (e) {
    if (!(e instanceof ApiError) || ![400, 403, 404].includes(e.status)) throw e;
    $('#refused').textContent = e.status === 403 ? t('trust.erase.refused') : errorText(e);
    $('#refused').hidden = false;
    return ready();
  }
  $('#project-link').textContent = preview.project;
  $('#project-link').href = `transcripts.html?p=${preview.projectId}`;
  render();
  document.addEventListener('languagechange', render);
  $('#confirm').addEventListener('input', enable);
  $('#reason').addEventListener('input', enable);
  $('#erase').addEventListener('submit', erase);
  ready();
}

function ready() {
  $('#loading').hidden = true;
  document.body.dataset.ready = 'true';
}

function render() {
  document.title = `${t('trust.erase.title')} · ${preview.project} · Samenspraak`;
  if (preview.erased) return showTombstone(preview.erased);
  const r = preview.removed;
  $('#transcript-name').textContent = preview.name;
  $('#deleted-note').hidden = !preview.deleted;
  $('#removed').replaceChildren(...[
    t('trust.erase.units', { n: int(r.units) }),
    t('trust.erase.codes', { n: int(r.codes), coders: int(r.coders) }),
    t('trust.erase.ratings', { n: int(r.ratings) }),
    t('trust.erase.feedback', { n: int(r.feedback) }),
    t('trust.erase.sessionData', { n: int(r.sessionData) }),
    t('trust.erase.calibrations', { n: int(r.calibrations) }),
    t('trust.erase.changes', { n: int(r.changes) }),
    r.recording ? t('trust.erase.recording', { file: preview.recordingFile }) : t('trust.erase.noRecording'),
    r.copies ? t('trust.erase.copies', { n: int(r.copies) }) : null,
  ].filter((text) => text).map((text) => h('li', { text })));
  $('#stays').textContent = t('trust.erase.stays', { id: preview.transcriptId });
  $('#confirm-label').textContent = t('trust.erase.confirm', { name: preview.name });
  $('#erase').hidden = false;
  enable();
}

function enable() {
  $('#submit').disabled = !($('#reason').value.trim() && $('#confirm').value.trim() === preview.name.trim());
}

async function erase(e) {
  e.preventDefault();
  $('#error').hidden = true;
  $('#submit').disabled = true;
  try {
    const tombstone = await api('POST', `/api/transcripts/${transcriptId}/erasure`, { reason: $('#reason').value.trim(), confirmName: $('#confirm').value });
    preview = { ...preview, erased: tombstone };
    render();
  } catch (err) {
    $('#error').textContent = errorText(err);
    $('#error').hidden = false;
    enable();
  }
}

function showTombstone(tomb) {
  const when = new Date(tomb.erasedAt).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  $('#tombstone').textContent = t('trust.erase.done', { id: tomb.transcriptId, when, who: tomb.erasedBy, reason: tomb.reason });
  $('#erase').hidden = true;
  $('#done').hidden = false;
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
