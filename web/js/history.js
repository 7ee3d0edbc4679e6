// The change history of a project (optionally one transcript, unit or coder): who changed what, when,
// from what to what; oldest first, a page at a time ("More"), and the whole of it as CSV.
import { get } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, language, t } from './i18n.js';
import { openProjectPage } from './header.js';
import { coderName } from './names.js';

const projectId = Number(param('p'));
/** Changes per page; ?limit= changes it (1–1000, as the server allows). */
const PAGE = Math.min(1000, Math.max(1, Number(param('limit')) || 100));
const filter = { unit: param('unit'), transcript: param('transcript') || '', coder: param('coder') || '' };
let entries = [];
let next = null;
/** Bumped on every new filter, so a page that arrives late for an old filter is dropped. */
let generation = 0;

async function start() {
  const opened = await openProjectPage(projectId, 'his', ['admin']);
  if (!opened) return;
  const [transcripts, members] = await Promise.all([get(`/api/projects/${projectId}/transcripts`), get(`/api/projects/${projectId}/members`)]);
  fill($('#transcript'), 'his.allTranscripts', transcripts.map((x) => [x.id, x.name]), filter.transcript);
  fill($('#coder'), 'his.allCoders', members.map((m) => [m.userId, m.name]), filter.coder);
  $('#transcript').addEventListener('change', () => { filter.transcript = $('#transcript').value; filter.unit = null; reload(); });
  $('#coder').addEventListener('change', () => { filter.coder = $('#coder').value; reload(); });
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  $('#more').addEventListener('click', () => more());
  $('#history').hidden = false;
  document.addEventListener('languagechange', () => { relabel(); render(); });
  await reload();
  document.body.dataset.ready = 'true';
}

function fill(select, allKey, options, value) {
  select.replaceChildren(h('option', { value: '', 'data-i18n': allKey, text: t(allKey) }),
    ...options.map(([id, name]) => h('option', { value: id, text: name })));
  select.value = String(value);
}

function relabel() {
  for (const o of document.querySelectorAll('#filters option[data-i18n]')) o.textContent = t(o.dataset.i18n);
}

/** The route for the filter: a unit, a transcript or the project (the server filters a project by coder). */
function base(ext) {
  if (filter.unit) return `/api/utterances/${filter.unit}/history${ext}`;
  if (filter.transcript) return `/api/transcripts/${filter.transcript}/history${ext}`;
  return `/api/projects/${projectId}/history${ext}${filter.coder ? `?coder=${filter.coder}` : ''}`;
}

async function reload() {
  generation += 1;
  entries = [];
  next = 0;
  const query = new URLSearchParams({ p: projectId });
  if (param('limit')) query.set('limit', PAGE);
  for (const k of ['unit', 'transcript', 'coder']) if (filter[k]) query.set(k, filter[k]);
  history.replaceState(null, '', `history.html?${query}`);
  $('#unit-filter').hidden = !filter.unit;
  $('#unit-filter').textContent = filter.unit ? t('his.unitOnly') : '';
  $('#csv').href = base('.csv');
  render();
  await more();
}

async function more() {
  const mine = generation;
  const path = base('');
  const sep = path.includes('?') ? '&' : '?';
  $('#more').disabled = true;
  try {
    const page = await get(`${path}${sep}after=${next}&limit=${PAGE}`);
    if (mine !== generation) return;
    // Transcript and unit routes take no coder: that part of the filter is applied here.
    const coder = filter.coder && (filter.transcript || filter.unit) ? Number(filter.coder) : null;
    entries.push(...page.entries.filter((e) => coder === null || e.coderId === coder || e.userId === coder));
    next = page.next;
    render();
  } catch (e) {
    $('#count').textContent = t('common.loadFailed', { message: errorText(e) });
  } finally {
    $('#more').disabled = false;
  }
}

const when = (iso) => new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB',
  { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

function value(v) {
  return v === null || v === undefined || v === '' ? h('span', { class: 'dash', text: t('his.empty') }) : h('code', { text: v });
}

function render() {
  $('#entries').replaceChildren(...entries.map((e) => h('tr', { dataset: { id: e.id } },
    h('td', { class: 'when' }, h('time', { datetime: e.at, text: when(e.at) })),
    h('td', { text: e.userName }),
    h('td', { text: where(e) }),
    h('td', { text: coderName(e.coderName || '') }),
    h('td', { text: `${t('his.entity.' + e.entity)}: ${e.field || ''}` }),
    h('td', { class: 'change' }, value(e.before), h('span', { class: 'arrow', role: 'img', 'aria-label': t('his.to'), text: ' → ' }),
      value(e.after)))));
  $('#empty').hidden = entries.length > 0 || next !== null;
  $('#more').hidden = next === null;
  $('#count').textContent = entries.length ? t(next === null ? 'his.countAll' : 'his.countSome', { n: entries.length }) : '';
}

function where(e) {
  if (!e.transcriptName) return '';
  return e.unit ? t('his.unit', { transcript: e.transcriptName, unit: e.unit }) : e.transcriptName;
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
