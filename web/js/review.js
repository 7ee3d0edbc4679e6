// Trainer review of a session (?t=): the profile as bars beside the professional's earlier sessions and
// a reference, the conversation with feedback inline, a form for the trainer, and a printable sheet.
// Without ?t= the page lists the caller's own sessions as a professional. Text is only ever set as text.
import { ApiError, api, get, currentUser } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { profileChart } from './charts/profile.js';
import { coderName } from './names.js';
import { setUpCodingChoice, setUpProfessionalLink } from './reviewtools.js';

const transcriptId = Number(param('t'));
let profile, feedback, user, labels = new Map(), referenceIds = [], codingQuery = '';

async function start() {
  await loadLanguage();
  user = await currentUser();
  setUpHeader(user);
  try {
    if (transcriptId) await openSession();
    else await mySessions();
  } catch (e) {
    if (!(e instanceof ApiError) || ![400, 403, 404].includes(e.status)) throw e;
    $('#refused').textContent = errorText(e);
    $('#refused').hidden = false;
  }
  $('#loading').hidden = true;
  document.body.dataset.ready = 'true';
}

async function mySessions() {
  const sessions = await get('/api/me/sessions');
  const show = () => {
    $('#mine-none').hidden = sessions.length > 0;
    $('#mine-list').replaceChildren(...sessions.map((s) => h('li', { dataset: { transcript: s.transcriptId } },
      h('a', { href: `review.html?t=${s.transcriptId}`, text: s.transcript }), ' ',
      h('span', { class: 'muted', text: t('review.mineMeta', { project: s.project, date: day(s.createdAt), count: s.feedback }) }))));
  };
  show();
  $('#mine').hidden = false;
  document.addEventListener('languagechange', show);
}

async function openSession() {
  await loadProfile();
  feedback = await get(`/api/transcripts/${transcriptId}/feedback`);
  const book = await get(`/api/codebooks/${encodeURIComponent(profile.codebookKey)}`);
  labels = new Map(book.codebook.dimensions.map((d) => [d.key, { label: d.label, codes: new Map(d.codes.map((c) => [c.key, c.label])) }]));
  if (profile.reviewer) await setUpTrainerTools();
  $('#print').addEventListener('click', () => window.print());
  $('#sheet').hidden = false;
  render();
  document.addEventListener('languagechange', render);
}

async function loadProfile() {
  const query = [codingQuery, referenceIds.length ? `reference=${referenceIds.join(',')}` : ''].filter(Boolean).join('&');
  profile = await get(`/api/transcripts/${transcriptId}/profile${query ? `?${query}` : ''}`);
}

async function setUpTrainerTools() {
  const sessions = await get(`/api/projects/${profile.projectId}/transcripts`);
  $('#reference').replaceChildren(...sessions.filter((s) => s.id !== transcriptId).map((s) => h('option', { value: s.id, text: s.name })));
  $('#reference-tools').hidden = false;
  await setUpCodingChoice(() => profile, transcriptId, async (query) => { codingQuery = query; await loadProfile(); render(); });
  await setUpProfessionalLink(() => profile, user, async () => { await loadProfile(); render(); });
  $('#apply-reference').addEventListener('click', async () => {
    referenceIds = [...$('#reference').selectedOptions].map((o) => Number(o.value));
    await loadProfile();
    render();
  });
  $('#feedback-form').hidden = false;
  $('#feedback-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const unit = $('#feedback-unit').value;
    try {
      await api('POST', `/api/transcripts/${transcriptId}/feedback`, { utteranceId: unit ? Number(unit) : null, text: $('#feedback-text').value });
      $('#feedback-text').value = '';
      $('#feedback-error').hidden = true;
      feedback = await get(`/api/transcripts/${transcriptId}/feedback`);
      renderUnits();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      $('#feedback-error').textContent = errorText(e);
      $('#feedback-error').hidden = false;
    }
  });
}

const label = (text, fallback) => (text ? tx(text) : fallback);
const dimLabel = (key) => label((labels.get(key) || {}).label, key);
const codeLabel = (dim, code) => label(labels.get(dim) && labels.get(dim).codes.get(code), code);
const day = (iso) => (iso ? iso.slice(0, 10) : '');
const round = (v) => (v === null || v === undefined ? '–' : String(Math.round(v * 10) / 10));

function render() {
  $('#session-title').textContent = t('review.sessionTitle', { name: profile.transcript });
  $('#session-meta').textContent = t('review.meta', {
    professional: profile.professional ? profile.professional.name : t('review.noProfessional'),
    coding: profile.consensus ? t('consensus.name') : coderName(profile.coding.name), date: day(profile.session.createdAt), units: profile.units.length,
  });
  renderCoverage();
  const series = seriesList();
  $('#legend').replaceChildren(...series.map((s) => h('span', { class: `key ${s.cls}`, text: s.label })));
  const dims = [...new Set(profile.session.codes.map((c) => c.dimension))];
  $('#charts').replaceChildren(...dims.map((dim, i) => figure(dim, i, series)));
  renderRatings(series);
  renderUnits();
}

/** How many of the session's units the coding covers; a partial one is warned about, since its counts are partial too. */
function renderCoverage() {
  const s = profile.session, partial = s.covered < s.units;
  const coding = profile.consensus ? t('consensus.name') : coderName(profile.coding.name);
  $('#coverage').className = partial ? 'coverage warning' : 'coverage';
  $('#coverage').textContent = `${t('review.coverage', { coding, covered: s.covered, units: s.units })}${partial ? ` ${t('coverage.partialCounts')}` : ''}`;
}

function seriesList() {
  const list = [{ label: t('review.thisSession'), cls: 'now', of: (k) => profile.session.codes[k].count }];
  if (profile.earlier.length) {
    list.push({ label: t('review.earlier', { count: profile.earlier.length }), cls: 'earlier',
      of: (k) => profile.earlier.reduce((sum, e) => sum + e.codes[k].count, 0) / profile.earlier.length });
  }
  if (profile.reference) {
    list.push({ label: profile.reference.sessions > 1 ? t('review.referenceMean', { count: profile.reference.sessions })
      : t('review.referenceOne', { name: profile.reference.transcript }), cls: 'ref', of: (k) => profile.reference.codes[k].count });
  }
  return list;
}

function figure(dim, i, series) {
  const idx = profile.session.codes.map((c, k) => k).filter((k) => profile.session.codes[k].dimension === dim && series.some((s) => s.of(k) > 0));
  const tableId = `profile-table-${i}`;
  const rows = idx.map((k) => ({ label: codeLabel(dim, profile.session.codes[k].code), values: series.map((s) => s.of(k)) }));
  const head = h('tr', {}, h('th', { scope: 'col', text: t('review.code') }), series.map((s) => h('th', { scope: 'col', text: s.label })),
    h('th', { scope: 'col', text: t('review.where') }));
  const body = idx.map((k) => h('tr', { dataset: { dimension: dim, code: profile.session.codes[k].code } },
    h('th', { scope: 'row', text: codeLabel(dim, profile.session.codes[k].code) }),
    series.map((s) => h('td', { class: 'num', text: round(s.of(k)) })),
    h('td', { class: 'where', text: profile.session.codes[k].units.join(', ') })));
  return h('section', { class: 'profile-dimension', dataset: { dimension: dim } },
    h('h2', { text: dimLabel(dim) }),
    rows.length ? profileChart({ title: dimLabel(dim), rows, series, describedBy: tableId }) : h('p', { class: 'muted', text: t('review.noCodes') }),
    rows.length ? h('table', { class: 'numbers profile-table', id: tableId }, h('thead', {}, head), h('tbody', {}, body)) : null);
}

function renderRatings() {
  const lines = profile.session.ratings.map((r, k) => {
    const parts = [t('review.total', { scale: r.scale.toUpperCase(), value: round(r.rescaled !== null ? r.rescaled : r.total) })];
    if (r.reason) parts.push(`(${r.reason})`);
    if (profile.earlier.length) parts.push(t('review.totalEarlier', { values: profile.earlier.map((e) => round(e.ratings[k].rescaled)).join(' · ') }));
    if (profile.reference) parts.push(t('review.totalReference', { value: round(profile.reference.ratings[k].rescaled) }));
    return h('p', { class: 'rating-total', dataset: { scale: r.scale }, text: parts.join(' ') });
  });
  $('#ratings').replaceChildren(...lines);
}

function renderUnits() {
  const item = (f) => h('li', { class: 'feedback', dataset: { id: f.id } },
    h('p', { class: 'feedback-text', text: f.text }),
    h('p', { class: 'muted feedback-by', text: t('review.by', { author: f.author, date: day(f.createdAt) }) }));
  $('#session-feedback').replaceChildren(...feedback.filter((f) => f.utteranceId === null).map(item));
  $('#units').replaceChildren(...profile.units.map((u) => {
    const mine = feedback.filter((f) => f.utteranceId === u.id);
    return h('li', { value: u.number, class: `review-unit role-${u.role}${mine.length ? ' has-feedback' : ''}`, dataset: { unit: u.number } },
      h('span', { class: 'review-speaker', text: u.speaker }), ' ', h('span', { class: 'review-text', text: u.text }),
      mine.length ? h('ul', { class: 'feedback-list' }, mine.map(item)) : null);
  }));
  const select = $('#feedback-unit');
  if (!$('#feedback-form').hidden) {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '', text: t('review.onSession') }),
      ...profile.units.map((u) => h('option', { value: u.id, text: t('review.onUnit', { n: u.number, speaker: u.speaker }) })));
    select.value = chosen;
  }
}

start();
