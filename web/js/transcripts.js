// The transcripts of a project (?p=), for administrators and trainers: per transcript its units, speakers and
// roles (given, guessed or unknown until confirmed; unconfirmed ones are flagged), its recording (upload with
// progress), how far each coder is, and its pages and ELAN file (.eaf); administrators also delete (soft) and erase. ?roles=<id>
// opens that transcript's roles at once (the coding screen links here).
import { get } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, language, t, tx } from './i18n.js';
import { openProjectPage } from './header.js';
import { coderName } from './names.js';
import { openRoles, openDelete } from './transcriptdialogs.js';
import { uploadRecording, uploadTo, MAX_RECORDING_BYTES } from './upload.js';

const projectId = Number(param('p'));
const S = { role: null, transcripts: [], progress: [], dimensions: [] };

async function start() {
  const opened = await openProjectPage(projectId, 'tr', ['admin', 'trainer']);
  if (!opened) return;
  S.role = opened.role;
  const book = await get(`/api/codebooks/${encodeURIComponent(opened.project.codebookKey)}`).catch(() => null);
  S.dimensions = book && book.codebook ? book.codebook.dimensions : [];
  $('#import-link').href = `import.html?p=${projectId}`;
  $('#new-recording-button').addEventListener('click', () => $('#new-recording').click());
  $('#new-recording').addEventListener('change', () => {
    const file = $('#new-recording').files[0];
    $('#new-recording').value = '';
    if (file) fromRecording(file);
  });
  await reload();
  $('#list').hidden = false;
  document.addEventListener('languagechange', render);
  const roles = Number(param('roles'));
  const asked = S.transcripts.find((x) => x.id === roles);
  if (asked) rolesOf(asked);
  document.body.dataset.ready = 'true';
}

async function reload() {
  [S.transcripts, S.progress] = await Promise.all([get(`/api/projects/${projectId}/transcripts/overview`), get(`/api/projects/${projectId}/progress/all`)]);
  render();
}

function render() {
  const unconfirmed = S.transcripts.filter((x) => !x.rolesConfirmed).length;
  $('#summary').textContent = t('tr.summary', { n: S.transcripts.length, unconfirmed });
  $('#none').hidden = S.transcripts.length > 0;
  $('#transcripts').replaceChildren(...S.transcripts.map(card));
}

const day = (iso) => (iso ? iso.slice(0, 10) : '');
const admin = () => S.role === 'admin';

function card(x) {
  const titleId = `transcript-${x.id}-name`;
  return h('article', { class: `transcript-card${x.rolesConfirmed ? '' : ' unconfirmed'}`, id: `transcript-${x.id}`, dataset: { transcript: x.id },
    'aria-labelledby': titleId },
  h('header', { class: 'card-head' },
    h('h2', { id: titleId, class: 'transcript-name', text: x.name }),
    x.rolesConfirmed ? null : h('span', { class: 'badge fail roles-flag', text: t('tr.rolesUnconfirmed') }),
    h('p', { class: 'muted small card-meta', text: t('tr.meta', { file: x.fileName, format: x.format, date: day(x.createdAt), units: x.units }) }),
    // A coder's own copy of a recording (independent unitizing): whose units, from which recording.
    x.unitizedBy ? h('p', { class: 'small card-meta unit-copy-mark', text: t('tr.unitCopy', { coder: coderName(x.unitizedByName), source: x.sourceTranscript }) }) : null),
  h('div', { class: 'card-body' }, speakers(x), recording(x), coders(x)),
  h('nav', { class: 'card-actions', 'aria-label': t('tr.actionsFor', { name: x.name }) }, actions(x)));
}

function speakers(x) {
  return h('section', { class: 'card-part speakers' },
    h('h3', { text: t('tr.speakersTitle') }),
    h('ul', { class: 'speaker-list' }, x.speakers.map((s) => h('li', { dataset: { label: s.label } },
      h('span', { class: 'speaker-label', text: s.label }), ' ',
      h('span', { class: `role-chip role-${s.role}`, text: t(`role.${s.role}`) }), ' ',
      h('span', { class: `role-state state-${s.source}`, text: t(`tr.state.${s.source}`) }),
      h('span', { class: 'muted small', text: ` · ${s.units === 1 ? t('tr.speakerUnit') : t('tr.speakerUnits', { n: s.units })}` })))),
    h('button', { type: 'button', class: x.rolesConfirmed ? 'quiet roles-button' : 'roles-button', onclick: () => rolesOf(x),
      text: x.rolesConfirmed ? t('tr.changeRoles') : t('tr.confirmRolesButton') }));
}

function recording(x) {
  const input = h('input', { type: 'file', hidden: true, accept: 'audio/*,video/*,.mp3,.m4a,.mp4,.wav,.ogg,.webm', class: 'recording-input',
    'aria-label': t('tr.uploadFor', { name: x.name }) });
  const progress = h('progress', { class: 'upload-progress', max: 100, value: 0, hidden: true, 'aria-label': t('tr.uploadProgress') });
  const state = h('p', { class: 'small upload-state', role: 'status', 'aria-live': 'polite' });
  input.addEventListener('change', () => {
    const file = input.files[0];
    if (file) send(x, file, progress, state);
    input.value = '';
  });
  const r = x.recording;
  return h('section', { class: 'card-part recording' },
    h('h3', { text: t('tr.recordingTitle') }),
    h('p', { class: 'recording-now', text: r ? t('tr.recordingIs', { name: r.fileName, size: size(r.sizeBytes), date: day(r.uploadedAt) }) : t('tr.noRecording') }),
    // A copy plays its recording's file: that is replaced on the recording's own card.
    x.unitizedBy ? h('p', { class: 'muted small copy-recording', text: t('tr.copyRecording', { source: x.sourceTranscript }) }) : [input,
      h('button', { type: 'button', class: 'quiet upload-button', onclick: () => input.click(), text: r ? t('tr.replaceRecording') : t('tr.uploadRecording') }),
      progress, state]);
}

function send(x, file, progress, state) {
  state.classList.remove('error-text');
  if (file.size > MAX_RECORDING_BYTES) {
    state.classList.add('error-text');
    state.textContent = t('tr.tooLarge', { name: file.name, size: size(file.size) });
    return;
  }
  progress.hidden = false;
  uploadRecording(x.id, file, (sent, total) => {
    progress.value = total ? Math.round((100 * sent) / total) : 0;
    // What the bar showed, for the browser test (as window.samenspraak holds the coding screen's timings).
    (window.samenspraakUploads = window.samenspraakUploads || []).push(progress.value);
    state.textContent = t('tr.uploading', { percent: progress.value, size: size(total) });
  }).then(async () => {
    progress.value = 100;
    $('#status').textContent = t('tr.uploaded', { name: file.name, transcript: x.name });
    await reload();
  }).catch((e) => {
    progress.hidden = true;
    state.classList.add('error-text');
    state.textContent = t('tr.uploadRefused', { message: errorText(e) });
  });
}

/** A new transcript from a recording alone (issue 14): its units are made on the recording screen. */
function fromRecording(file) {
  const status = $('#status');
  status.classList.remove('error-text');
  if (file.size > MAX_RECORDING_BYTES) {
    status.classList.add('error-text');
    status.textContent = t('tr.tooLarge', { name: file.name, size: size(file.size) });
    return;
  }
  const progress = $('#new-recording-progress');
  progress.hidden = false;
  uploadTo('POST', `/api/projects/${projectId}/recordings`, file, (sent, total) => {
    progress.value = total ? Math.round((100 * sent) / total) : 0;
    status.textContent = t('tr.fromRecordingUploading', { file: file.name, percent: progress.value });
  }).then(async (made) => {
    progress.hidden = true;
    status.textContent = t('tr.fromRecordingMade', { name: made.transcript.name, file: file.name });
    await reload();
    const link = $(`#transcript-${made.transcript.id} .record-link`);
    if (link) link.focus();
  }).catch((e) => {
    progress.hidden = true;
    status.classList.add('error-text');
    status.textContent = t('tr.uploadRefused', { message: errorText(e) });
  });
}

/** How far each coder is: per dimension the units coded, of the transcript's. */
function coders(x) {
  const rows = S.progress.filter((p) => p.transcriptId === x.id && Object.values(p.coded).some((n) => n > 0));
  return h('section', { class: 'card-part coders' },
    h('h3', { text: t('tr.codersTitle') }),
    rows.length ? h('ul', { class: 'coder-list' }, rows.map((p) => h('li', {},
      h('span', { class: 'coder-name', text: coderName(p.coderName) }), ': ',
      S.dimensions.map((d) => `${tx(d.label)} ${p.coded[d.key] || 0}/${p.units}`).join(' · '))))
      : h('p', { class: 'muted', text: t('tr.noCodesYet') }));
}

function actions(x) {
  const link = (href, key, cls = 'button quiet') => h('a', { class: cls, href, text: t(key) });
  return [
    x.format === 'recording' ? link(`record.html?t=${x.id}`, 'rec.link', 'button record-link') : link(`code.html?t=${x.id}`, 'projects.code'),
    link(`adjudicate.html?t=${x.id}`, 'projects.adjudicate'),
    link(`calibration.html?t=${x.id}`, 'projects.calibration'),
    link(`review.html?t=${x.id}`, 'review.link'),
    h('a', { class: 'button quiet elan-link', href: `/api/transcripts/${x.id}/export.eaf?lang=${language()}`, download: '', title: t('exp.elanTitle'),
      text: t('exp.elan') }),
    admin() ? link(`units.html?t=${x.id}`, 'imp.correctUnits', 'button quiet units-link') : null,
    admin() ? h('button', { type: 'button', class: 'quiet danger-text delete-button', onclick: () => deleteOf(x), text: t('tr.delete') }) : null,
    admin() ? link(`erase.html?t=${x.id}`, 'tr.erase', 'button quiet danger-text erase-link') : null,
  ];
}

function rolesOf(x) {
  openRoles(x, async () => {
    $('#status').textContent = t('tr.rolesSaved', { name: x.name });
    await reload();
    $(`#transcript-${x.id} .roles-button`).focus();
  });
}

function deleteOf(x) {
  openDelete(x, async () => {
    $('#status').textContent = t('tr.deleted', { name: x.name });
    await reload();
    $('#import-link').focus();
  });
}

function size(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

start();
