// The export page: the Excel workbook and the two CSV files, written on the server as a job whose
// progress (rows written of all) is polled and shown as a bar; then the file is downloaded. The SPSS
// and R scripts that read those CSV files are plain links with the same choices in their query.
import { api, ApiError, get, currentUser } from './api.js';
import { $, h, param } from './dom.js';
import { errorText, language, loadLanguage, t } from './i18n.js';
import { setUpHeader } from './header.js';
import { int } from './format.js';

const projectId = Number(param('p'));
const ids = (name) => (param(name) || '').split(',').filter(Boolean).map(Number);
const selection = { coders: ids('coders'), transcripts: ids('transcripts') };
const POLL_MS = 400;
const ANALYSTS = ['admin', 'trainer', 'analyst'];

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  const [project, mine] = await Promise.all([get(`/api/projects/${projectId}`), get('/api/projects')]);
  $('#project-name').textContent = project.name;
  document.title = `${t('exp.title')} · ${project.name} · Samenspraak`;
  $('#reliability-link').href = `reliability.html?p=${projectId}`;
  $('#loading').hidden = true;
  $('#consensus').checked = param('dataset') === 'consensus';
  const role = (mine.find((p) => p.id === projectId) || {}).role;
  // The server's rule (reports, reliability and exports show every coder's codes) said before any click.
  if (!ANALYSTS.includes(role) && project.blindCoding) {
    $('#refused').replaceChildren(h('strong', { text: t('exp.refused') }), ' ', t('exp.refusedBlind'));
    $('#refused').hidden = false;
  } else {
    $('#export').hidden = false;
    $('#reliability-link').hidden = false;
    for (const card of document.querySelectorAll('.export-card[data-format]')) card.querySelector('button').addEventListener('click', () => run(card));
    scriptLinks();
    for (const box of ['#dialect', '#consensus']) $(box).addEventListener('change', scriptLinks);
    document.addEventListener('languagechange', scriptLinks);
  }
  describeSelection();
  document.addEventListener('languagechange', describeSelection);
  document.body.dataset.ready = 'true';
}

function describeSelection() {
  const chosen = selection.coders.length || selection.transcripts.length;
  const text = $('#selection-text');
  text.replaceChildren(chosen
    ? t('exp.selection', {
      coders: selection.coders.length ? t('exp.chosen', { n: selection.coders.length }) : t('exp.allCoders'),
      transcripts: selection.transcripts.length ? t('exp.chosen', { n: selection.transcripts.length }) : t('exp.allTranscripts'),
    })
    : t('exp.everything'));
  if (chosen) text.append(' ', h('a', { href: `export.html?p=${projectId}`, text: t('exp.exportEverything') }));
}

/** The SPSS and R links: the CSV files' choices (selection, language, dialect, dataset) in their query. */
function scriptLinks() {
  const q = new URLSearchParams({ lang: language(), dialect: $('#dialect').value });
  if (selection.coders.length) q.set('coders', selection.coders.join(','));
  if (selection.transcripts.length) q.set('transcripts', selection.transcripts.join(','));
  if ($('#consensus').checked) q.set('dataset', 'consensus');
  $('#sps-link').href = `/api/projects/${projectId}/export.sps?${q}`;
  $('#r-link').href = `/api/projects/${projectId}/export.R?${q}`;
  // The REFI-QDA project is always the whole project (every transcript, coder and the consensus).
  $('#qdpx-link').href = `/api/projects/${projectId}/export.qdpx?${new URLSearchParams({ lang: language() })}`;
}

async function run(card) {
  const button = card.querySelector('button');
  const box = card.querySelector('.job');
  button.disabled = true;
  box.hidden = false;
  box.classList.remove('failed');
  try {
    let job = await api('POST', `/api/projects/${projectId}/exports`, {
      format: card.dataset.format, lang: language(), dialect: $('#dialect').value,
      bootstrap: $('#bootstrap').checked ? 1000 : 0, coders: selection.coders, transcripts: selection.transcripts,
      dataset: $('#consensus').checked ? 'consensus' : undefined, freeText: !$('#no-free-text').checked,
    });
    show(box, job);
    while (job.state === 'queued' || job.state === 'running') {
      await new Promise((r) => setTimeout(r, POLL_MS));
      job = await get(job.statusUrl);
      show(box, job);
    }
    if (job.state !== 'done') throw new ApiError(500, job.error || t('exp.failed'), null, job.errorCode);
    download(job.downloadUrl, job.fileName);
  } catch (e) {
    box.classList.add('failed');
    box.replaceChildren(h('p', { class: 'job-text', role: 'alert', text: t('exp.failedBecause', { message: errorText(e) }) }));
  } finally {
    button.disabled = false;
  }
}

/** The bar (rows written of all) and a line saying where the job is. */
function show(box, job) {
  const done = job.state === 'done' || job.state === 'downloaded';
  const pct = done ? 100 : Math.round(100 * (job.fraction || 0));
  const fill = h('div', { class: 'progress-fill' });
  fill.style.width = `${pct}%`;
  const text = done
    ? t('exp.ready', { file: job.fileName, size: size(job.bytes) })
    : job.rowsTotal > 0
      ? t('exp.rows', { done: int(job.rowsDone), total: int(job.rowsTotal), pct })
      : t(job.state === 'queued' ? 'exp.queued' : 'exp.preparing');
  box.replaceChildren(
    h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, 'aria-label': t('exp.progress') }, fill),
    h('p', { class: 'job-text', role: 'status', text }));
  box.dataset.state = job.state;
}

function size(bytes) {
  if (bytes === null || bytes === undefined) return '';
  return bytes < 1024 * 1024 ? `${int(Math.max(1, Math.round(bytes / 1024)))} KB` : `${int(Math.round(bytes / 1024 / 1024))} MB`;
}

function download(url, fileName) {
  const a = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
}

start().catch((e) => {
  $('#loading').hidden = false;
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
  document.body.dataset.ready = 'true';
});
