// Calibration: a trainee against the reference coding of a transcript (?t=&coder=), per dimension the
// agreement, pass or fail against the threshold, misses and over-use, the confusion matrix; or (?p=&coder=)
// the history of their calibrations as kappa over time against the threshold line.
import { ApiError, api, get, currentUser } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, language, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { int, num, percent, reason } from './format.js';
import { confusionTable } from './charts/heatmap.js';
import { kappaChart } from './charts/dots.js';
import { coderName } from './names.js';
import { setUpReferenceTools } from './reference.js';
import { threshold } from './projectform.js';

const transcriptId = Number(param('t'));
const projectId = Number(param('p'));
const coder = param('coder');
let labels = new Map();

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  const query = coder ? `?coder=${encodeURIComponent(coder)}` : '';
  try {
    if (transcriptId) {
      await openTranscript(user, query);
    } else {
      // Without ?coder= the history is the caller's own, also for an administrator (the server would mix everyone's).
      const runs = await get(`/api/projects/${projectId}/calibrations?coder=${encodeURIComponent(coder || user.id)}`);
      const project = await get(`/api/projects/${projectId}`);
      await codebook(project);
      const who = coder ? await memberName(Number(coder), user) : user.name;
      showHistory(runs, project, who);
      document.addEventListener('languagechange', async () => { await relabel(projectId); showHistory(runs, project, who); });
    }
  } catch (e) {
    if (!(e instanceof ApiError) || ![400, 403, 404].includes(e.status)) throw e;
    $('#refused').textContent = e.status === 403 ? t('cal.refused') : errorText(e);
    $('#refused').hidden = false;
  }
  $('#loading').hidden = true;
  document.body.dataset.ready = 'true';
}

/**
 * A transcript: administrators and trainers get the reference chooser (and, without ?coder=, the coders to
 * calibrate); a trainee their own calibration. Without a reference there is nothing to compare, and the page says so.
 */
async function openTranscript(user, query) {
  const doc = await get(`/api/transcripts/${transcriptId}`);
  const [project, mine] = await Promise.all([get(`/api/projects/${doc.transcript.projectId}`), get('/api/projects')]);
  await codebook(project);
  const role = (mine.find((p) => p.id === project.id) || {}).role;
  const staff = role === 'admin' || role === 'trainer';
  $('#where').textContent = doc.transcript.name;
  document.title = `${t('cal.title')} · ${doc.transcript.name} · Samenspraak`;
  const tools = staff ? await setUpReferenceTools(transcriptId, () => location.reload()) : null;
  if (staff) await setUpThreshold(project.id);
  if (staff && !coder) return;
  if (tools && !tools.reference) return;
  // A trainee's progress says whether there is a reference to compare with (asking for a calibration would answer 404).
  const progress = staff ? null : (await get(`/api/projects/${project.id}/progress`)).find((p) => p.transcriptId === transcriptId);
  if (!staff && !(progress && progress.calibration)) {
    $('#refused').textContent = t('cal.noReference');
    $('#refused').hidden = false;
    return;
  }
  // A visit computes; "Add to history" (a POST) stores it as a point of the history. A new language re-renders.
  let c = await get(`/api/transcripts/${transcriptId}/calibration${query}`);
  showCalibration(c, doc);
  document.addEventListener('languagechange', async () => { await relabel(doc.transcript.projectId); showCalibration(c, doc); });
  $('#record').addEventListener('click', async () => {
    $('#record').disabled = true;
    try {
      c = await api('POST', `/api/transcripts/${transcriptId}/calibration${query}`);
      showCalibration(c, doc);
    } catch (e) {
      $('#record-state').textContent = errorText(e);
    } finally {
      $('#record').disabled = false;
    }
  });
}

/** Administrators and trainers set the project's calibration threshold here; a calibration shown is computed again with it. */
async function setUpThreshold(id) {
  const now = await get(`/api/projects/${id}/calibration-threshold`);
  $('#threshold').value = now.kappa.toFixed(2);
  $('#threshold-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = $('#threshold-status');
    const kappa = threshold($('#threshold'));
    if (kappa.problem) {
      status.textContent = kappa.problem;
      return;
    }
    try {
      await api('PUT', `/api/projects/${id}/calibration-threshold`, { kappa: kappa.value });
      status.textContent = t('cal.thresholdSaved', { kappa: kappa.value.toFixed(2) });
      if (coder) location.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      status.textContent = errorText(err);
    }
  });
}

async function codebook(project) {
  const book = await get(`/api/codebooks/${encodeURIComponent(project.codebookKey)}`);
  labels = new Map(book.codebook.dimensions.map((d) => [d.key, { label: tx(d.label), codes: new Map(d.codes.map((c) => [c.key, tx(c.label)])) }]));
}

const dimLabel = (key) => (labels.get(key) || { label: key }).label;
const codeLabel = (dim, code) => (labels.get(dim) && labels.get(dim).codes.get(code)) || code;
const badge = (passed) => h('span', { class: `badge ${passed ? 'pass' : 'fail'}`, dataset: { passed: String(passed) }, text: t(passed ? 'cal.pass' : 'cal.fail') });

async function relabel(id) {
  await codebook(await get(`/api/projects/${id}`));
}

function showCalibration(c, doc) {
  $('#where').textContent = doc.transcript.name;
  document.title = `${t('cal.title')} · ${c.coder} · Samenspraak`;
  // Blind: a fellow coder's reference is not named (the server leaves it out), and its counts per code are not shown.
  const reference = c.blind ? t('trust.cal.theReference') : coderName(c.referenceCoder);
  $('#summary').textContent = c.blind
    ? t('trust.cal.summaryBlind', { coder: c.coder, transcript: doc.transcript.name, threshold: num(c.threshold, 2) })
    : t('cal.summary', { coder: c.coder, reference, transcript: doc.transcript.name, threshold: num(c.threshold, 2) });
  const partial = c.referenceUnits < c.transcriptUnits;
  $('#coverage').className = partial ? 'coverage warning' : 'coverage';
  $('#coverage').textContent = `${t('cal.coverage', { reference, covered: int(c.referenceUnits), units: int(c.transcriptUnits) })}${
    partial ? ` ${t('coverage.partialReference')}` : ''}`;
  $('#blind-note').textContent = t('trust.cal.blindNote');
  $('#blind-note').hidden = !c.blind;
  $('#record-state').textContent = c.id === null ? t('trust.cal.notRecorded') : t('trust.cal.recorded', { when: when(c.computedAt) });
  $('#record').textContent = t('trust.cal.record');
  $('#record').hidden = c.id !== null;
  $('#verdict').replaceWith(Object.assign(badge(c.passed), { id: 'verdict' }));
  $('#history-link').textContent = t('cal.historyLink');
  $('#history-link').href = `calibration.html?p=${doc.transcript.projectId}&coder=${c.coderId}`;
  $('#dimensions').replaceChildren(...c.dimensions.map((d) => dimension(d, c)));
  $('#result').hidden = false;
}

function dimension(d, c) {
  const figures = h('table', { class: 'numbers figures' },
    h('thead', {}, h('tr', {}, ['cal.units', 'cal.percent', 'cal.kappa', 'cal.alpha', 'cal.threshold'].map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, h('tr', {}, h('td', { text: int(d.units) }), h('td', { text: percent(d.percent) || '—' }),
      h('td', { class: 'kappa', text: d.kappa === null ? '—' : num(d.kappa) }), h('td', { text: d.alpha === null ? '—' : num(d.alpha) }),
      h('td', { text: num(c.threshold, 2) }))));
  if (c.blind) {
    return h('section', { class: 'panel calibration-dimension', dataset: { dimension: d.dimension } },
      h('h2', {}, `${dimLabel(d.dimension)} `, badge(d.passed)), d.reason ? h('p', { class: 'muted', text: reason(d.reason) }) : null, figures);
  }
  const cats = h('table', { class: 'numbers categories' },
    h('caption', { text: t('cal.perCategory') }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('cal.code') }),
      ['cal.reference', 'cal.trainee', 'cal.agreed', 'cal.missed', 'cal.overused'].map((k) => h('th', { scope: 'col', text: t(k) })))),
    h('tbody', {}, d.categories.filter((x) => x.reference || x.trainee).map((x) => h('tr', { dataset: { code: x.code } },
      h('th', { scope: 'row', text: codeLabel(d.dimension, x.code) }), h('td', { text: int(x.reference) }), h('td', { text: int(x.trainee) }),
      h('td', { text: int(x.agreed) }), h('td', { class: x.missed ? 'missed flagged' : 'missed', text: int(x.missed) }),
      h('td', { class: x.overused ? 'overused flagged' : 'overused', text: int(x.overused) })))));
  const k = d.confusion.rows.length;
  const matrix = k ? confusionTable({
    labels: d.confusion.rows.map((r) => codeLabel(d.dimension, r)), counts: d.confusion.counts.map((row) => row.slice(0, k)), format: int,
    text: {
      caption: t('cal.confusion'), rows: `${coderName(c.referenceCoder)} ↓`, columns: `${c.coder} →`, total: t('cal.total'),
      agreed: (agreed, total) => t('cal.agreedOn', { agreed: int(agreed), total: int(total), uncoded: int(d.uncoded) }),
    },
  }) : null;
  return h('section', { class: 'panel calibration-dimension', dataset: { dimension: d.dimension } },
    h('h2', {}, `${dimLabel(d.dimension)} `, badge(d.passed)),
    d.reason ? h('p', { class: 'muted', text: reason(d.reason) }) : null,
    figures, cats, matrix);
}

const when = (iso) => new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function showHistory(runs, project, who) {
  $('#where').textContent = project.name;
  document.title = `${t('cal.title')} · ${who} · Samenspraak`;
  $('#history-summary').textContent = t('cal.historySummary', { coder: who, n: runs.length });
  const dims = [...new Set(runs.flatMap((r) => r.dimensions.map((d) => d.dimension)))];
  $('#charts').replaceChildren(...dims.map((dim) => h('figure', { class: 'kappa-chart', dataset: { dimension: dim } },
    kappaChart(runs.map((r) => ({ kappa: (r.dimensions.find((d) => d.dimension === dim) || {}).kappa, threshold: r.threshold, label: when(r.computedAt) })),
      t('cal.chartLabel', { dimension: dimLabel(dim) })),
    h('figcaption', { text: t('cal.chartCaption', { dimension: dimLabel(dim) }) }))));
  $('#runs-head').replaceChildren(h('th', { scope: 'col', text: t('cal.when') }), h('th', { scope: 'col', text: t('cal.transcript') }),
    ...dims.map((d) => h('th', { scope: 'col', text: `κ ${dimLabel(d)}` })), h('th', { scope: 'col', text: t('cal.verdict') }));
  $('#runs').replaceChildren(...runs.map((r) => h('tr', {},
    h('td', {}, h('a', { href: `calibration.html?t=${r.transcriptId}&coder=${r.coderId}`, text: when(r.computedAt) })),
    h('td', { text: r.transcript }),
    dims.map((dim) => { const d = r.dimensions.find((x) => x.dimension === dim); return h('td', { text: d && d.kappa !== null ? num(d.kappa) : '—' }); }),
    h('td', {}, badge(r.passed)))));
  $('#no-runs').hidden = runs.length > 0;
  $('#history').hidden = false;
}

async function memberName(id, user) {
  if (id === user.id) return user.name;
  try {
    const members = await get(`/api/projects/${projectId}/members`);
    return (members.find((m) => m.userId === id) || {}).name || String(id);
  } catch (e) {
    return String(id);
  }
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
