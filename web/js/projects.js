// My projects, and in each my progress on every transcript: units coded per dimension, ratings filled.
import { get, currentUser } from './api.js';
import { h, $ } from './dom.js';
import { errorText, loadLanguage, t, tx } from './i18n.js';
import { setUpHeader } from './header.js';
import { Saver } from './saver.js';
import { showStatus } from './status.js';

let data = [];
/** System administrators make projects (New project); with none yet, that is what the page says. */
let systemAdmin = false;
/** Roles that may see every coder's codes: reliability and exports (coders may not, while coding blind). */
const ANALYSTS = ['admin', 'trainer', 'analyst'];

async function start() {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  systemAdmin = user.systemRole === 'admin';
  $('#new-project').hidden = !systemAdmin;
  $('#new-from-qdpx').hidden = !systemAdmin;
  // Changes still waiting in this browser are sent from here too.
  const saver = new Saver(user.id);
  saver.addEventListener('status', (e) => showStatus(e.detail));
  saver.flush();
  const projects = await get('/api/projects');
  data = await Promise.all(projects.map(async (p) => {
    // The list first: where coders unitize independently, reading it makes the coder's own copies of the
    // recordings, which the progress then counts.
    const listed = await get(`/api/projects/${p.id}/transcripts`);
    const [progress, book] = await Promise.all([
      get(`/api/projects/${p.id}/progress`),
      get(`/api/codebooks/${encodeURIComponent(p.codebookKey)}`).catch(() => null),
    ]);
    // The transcript list is the server's word on what this member may code (only those given to a
    // coder, once the project has assignments); progress covers every transcript.
    const mine = new Set(listed.map((x) => x.id));
    return { project: p, progress: progress.filter((x) => mine.has(x.transcriptId)), codebook: book && book.codebook };
  }));
  render();
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

function bar(done, of, label) {
  const pct = of ? Math.round((100 * done) / of) : 0;
  const fill = h('div', { class: 'progress-fill' });
  fill.style.width = `${pct}%`;
  return h('div', { class: 'mini' },
    h('span', { class: 'mini-label', text: label }),
    h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': of, 'aria-valuenow': done, 'aria-label': label }, fill),
    h('span', { class: 'mini-count', text: t('projects.count', { done, of }) }));
}

/** The project's pages for its role: admins set assignments and read the history; coders get none of these. */
function links(project) {
  const admin = project.role === 'admin';
  const link = (page, key) => h('a', { class: 'button quiet', href: `${page}?p=${project.id}`, text: t(key) });
  return [
    admin || project.role === 'trainer' ? link('transcripts.html', 'projects.transcripts') : null,
    admin || project.role === 'trainer' ? link('import.html', 'projects.import') : null,
    link('reliability.html', 'projects.reliability'),
    link('export.html', 'projects.export'),
    admin ? link('assign.html', 'projects.assign') : null,
    admin ? link('history.html', 'projects.history') : null,
    admin ? link('members.html', 'projects.members') : null,
    admin ? link('settings.html', 'projects.settings') : null,
    link('sessions.html', 'projects.sessions'),
    link('compare.html', 'projects.compare'),
  ];
}

function render() {
  $('#loading').hidden = true;
  const root = $('#projects');
  if (!data.length) return root.replaceChildren(h('p', { class: 'muted', text: t(systemAdmin ? 'projects.noneAdmin' : 'projects.none') }));
  root.replaceChildren(...data.map(({ project, progress, codebook }) => {
    const dims = codebook ? codebook.dimensions : [];
    const scales = codebook ? codebook.ratingScales || [] : [];
    const rows = progress.map((p) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `code.html?t=${p.transcriptId}`, class: 'transcript-link', text: p.name })),
      h('td', { text: String(p.units) }),
      h('td', {}, dims.map((d) => bar(p.coded[d.key] || 0, p.units, tx(d.label))),
        scales.length ? bar(p.rated, p.ratingItems, t('projects.ratings')) : null),
      h('td', { class: 'actions' },
        dims.length ? h('a', { class: 'button', href: `code.html?t=${p.transcriptId}`, text: t('projects.code') }) : null,
        scales.length ? h('a', { class: 'button quiet', href: `rate.html?t=${p.transcriptId}`, text: t('projects.rate') }) : null,
        p.calibration ? h('a', { class: 'button quiet', href: `calibration.html?t=${p.transcriptId}`, text: t('projects.calibration') }) : null,
        ['admin', 'trainer'].includes(project.role)
          ? [h('a', { class: 'button quiet', href: `adjudicate.html?t=${p.transcriptId}`, text: t('projects.adjudicate') }),
            h('a', { class: 'button quiet review-link', href: `review.html?t=${p.transcriptId}`, text: t('review.link') })] : null)));
    return h('section', { class: 'project' },
      h('h2', { text: project.name }),
      h('p', { class: 'muted', text: t('projects.meta', { codebook: codebook ? tx(codebook.title) : project.codebookKey, role: t('memberRole.' + project.role) }) }),
      ANALYSTS.includes(project.role) ? h('nav', { class: 'project-links', 'aria-label': project.name }, links(project)) : null,
      progress.length
        ? h('table', { class: 'transcripts' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('projects.transcript') }), h('th', { scope: 'col', text: t('projects.units') }),
            h('th', { scope: 'col', text: t('projects.progress') }), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: t('projects.open') })))),
          h('tbody', {}, rows))
        : h('p', { class: 'muted', text: t('projects.noTranscripts') }));
  }));
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
