// The unit editor: split a unit at the cursor, merge it with the next one, or give it another
// speaker, before coding starts. Each change goes to the server, which checks and logs it.
import { api, ApiError, get, requireLogin } from './api.js';
import { $, clock, h, param } from './dom.js';
import { errorText, loadLanguage, t } from './i18n.js';
import { openProjectPage } from './header.js';

const transcriptId = Number(param('t'));
const NEW = '\u0000new';
let data = null;

async function start() {
  await loadLanguage();
  try {
    data = await requireLogin(() => get(`/api/transcripts/${transcriptId}/units`));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    refuse(e);
    return;
  }
  const opened = await openProjectPage(data.transcript.projectId, 'units', ['admin']);
  $('#transcripts-crumb').href = `transcripts.html?p=${data.transcript.projectId}`;
  if (!opened) return;
  $('#transcript-link').textContent = data.transcript.name;
  $('#transcript-link').href = `code.html?t=${transcriptId}`;
  document.title = `${t('units.title')} · ${data.transcript.name} · Samenspraak`;
  $('#editor').hidden = false;
  render();
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

/** A refused read (not an admin, or no such transcript): the page says why. */
function refuse(e) {
  $('#loading').hidden = true;
  $('#refused').textContent = e.status === 403 ? t('units.refused') : errorText(e);
  $('#refused').hidden = false;
  document.body.dataset.ready = 'true';
}

function render() {
  $('#units').replaceChildren(...data.units.map((u, i) => row(u, data.units[i + 1])));
}

function row(u, next) {
  const locked = !!u.locked;
  const text = h('textarea', { class: 'unit-text', readonly: true, 'aria-label': t('units.textOf', { n: u.seq }), text: u.text });
  const speakers = data.speakers.map((s) => s.label);
  const select = h('select', { class: 'speaker', disabled: locked, 'aria-label': t('units.speakerOf', { n: u.seq }),
    onchange: () => changeSpeaker(u, select) },
  speakers.map((s) => h('option', { value: s, selected: s === u.speakerLabel, text: s })),
  h('option', { value: NEW, text: t('units.newSpeaker') }));
  const canMerge = next && !locked && !next.locked && next.speakerLabel === u.speakerLabel;
  return h('tr', { class: 'role-' + u.speakerRole, dataset: { unit: u.id, seq: u.seq } },
    h('td', { class: 'num', text: u.seq }),
    h('td', { class: 'num', text: u.startMs === null ? '' : clock(u.startMs) + (u.endMs === null ? '' : '–' + clock(u.endMs)) }),
    h('td', {}, select, h('div', { class: 'new-speaker', hidden: true })),
    h('td', { class: 'text-cell' }, text, locked ? h('p', { class: 'coded', text: t('units.locked.' + u.lock, { codes: u.codes, coders: u.coders }) }) : null),
    h('td', {}, h('div', { class: 'small-actions' },
      h('button', { type: 'button', class: 'small split', disabled: locked, text: t('units.split'),
        title: t('units.splitHint'), onclick: () => split(u, text) }),
      h('button', { type: 'button', class: 'small merge', disabled: !canMerge, text: t('units.merge'),
        title: next && next.speakerLabel !== u.speakerLabel ? t('units.mergeOtherSpeaker') : '', onclick: () => merge(u) }))));
}

async function split(u, textarea) {
  const at = textarea.selectionStart;
  if (!at || at >= u.text.length) return say('failed', t('units.placeCursor', { n: u.seq }));
  await change(() => api('POST', `/api/utterances/${u.id}/split`, { at }), t('units.splitDone', { n: u.seq }));
}

async function merge(u) {
  await change(() => api('POST', `/api/utterances/${u.id}/merge-next`, {}), t('units.mergeDone', { n: u.seq, next: u.seq + 1 }));
}

async function changeSpeaker(u, select) {
  if (select.value === NEW) return askNewSpeaker(u, select);
  const speaker = select.value;
  await change(() => api('PUT', `/api/utterances/${u.id}/speaker`, { speaker }), t('units.speakerDone', { n: u.seq, speaker }));
}

/** A new speaker needs a name and a role: asked for in the row itself. */
function askNewSpeaker(u, select) {
  const box = select.parentElement.querySelector('.new-speaker');
  const name = h('input', { type: 'text', class: 'new-name', 'aria-label': t('units.newSpeakerName') });
  const role = h('select', { class: 'new-role', 'aria-label': t('units.newSpeakerRole') },
    ['professional', 'client', 'other'].map((r) => h('option', { value: r, text: t('role.' + r) })));
  const ok = h('button', { type: 'button', class: 'small primary', text: t('units.newSpeakerSave'), onclick: async () => {
    const speaker = name.value.trim();
    if (!speaker) return name.focus();
    await change(() => api('PUT', `/api/utterances/${u.id}/speaker`, { speaker, role: role.value }), t('units.speakerDone', { n: u.seq, speaker }));
  } });
  box.replaceChildren(name, role, ok);
  box.hidden = false;
  name.focus();
}

async function change(call, done) {
  try {
    data = await call();
    render();
    say('done', done);
  } catch (e) {
    say('failed', errorText(e));
    render();
  }
}

function say(state, text) {
  const el = $('#units-status');
  el.dataset.state = state;
  el.textContent = text;
}

start().catch((e) => {
  $('#refused').textContent = errorText(e);
  $('#refused').hidden = false;
  document.body.dataset.ready = 'true';
});
