// A project's settings (its administrators): name, codebook, blind coding, calibration threshold, and who makes
// units while coding from a recording and whether coded units' boundaries may still move (issue 14).
// Choosing another codebook says what happens to the codes already made: they keep their version.
import { api, get } from './api.js';
import { $, param } from './dom.js';
import { errorText, t } from './i18n.js';
import { openProjectPage } from './header.js';
import { codebookChooser, latestCodebooks, threshold } from './projectform.js';

const projectId = Number(param('p'));
let settings;

async function start() {
  if (!(await openProjectPage(projectId, 'settings', ['admin']))) return;
  $('#members-link').href = `members.html?p=${projectId}`;
  $('#members-link').hidden = false;
  const [books, s] = await Promise.all([latestCodebooks(), get(`/api/projects/${projectId}/settings`)]);
  fill(s);
  const redraw = codebookChooser($('#codebook'), $('#preview'), books, s.codebookKey, effect);
  document.addEventListener('languagechange', () => { redraw(); effect(); });
  effect();
  $('#project-form').addEventListener('submit', save);
  $('#project-form').hidden = false;
  document.body.dataset.ready = 'true';
}

function fill(s) {
  settings = s;
  $('#name').value = s.name;
  $('#blind').checked = s.blindCoding;
  $('#threshold').value = s.calibrationThreshold.toFixed(2);
  $('#unitizing').value = s.unitizing || 'staff';
  $('#units-after-coding').value = s.unitsAfterCoding || 'locked';
}

/** What a codebook change does to the work already done, in words. */
function effect() {
  const el = $('#codebook-effect');
  const made = settings.codedWith.map((c) => t('settings.madeWith', { codes: c.codes, ratings: c.ratings, key: c.key, version: c.version })).join('; ');
  if ($('#codebook').value === settings.codebookKey) {
    el.className = 'small muted';
    el.textContent = settings.codes + settings.ratings
      ? t('settings.codebookNow', { key: settings.codebookKey, version: settings.codebookVersion }) + ' ' + t('settings.sofar', { made })
      : t('settings.codebookNow', { key: settings.codebookKey, version: settings.codebookVersion });
    return;
  }
  el.className = 'small warn-text';
  el.textContent = settings.codes + settings.ratings
    ? t('settings.changeWithCodes', { made, key: $('#codebook').value })
    : t('settings.changeNoCodes', { key: $('#codebook').value });
}

async function save(e) {
  e.preventDefault();
  const status = $('#save-state');
  status.dataset.state = 'failed';
  const kappa = threshold($('#threshold'));
  if (kappa.problem) {
    status.textContent = kappa.problem;
    return $('#threshold').focus();
  }
  try {
    const s = await api('PATCH', `/api/projects/${projectId}`, { name: $('#name').value, codebookKey: $('#codebook').value,
      blindCoding: $('#blind').checked, calibrationThreshold: kappa.value, unitizing: $('#unitizing').value, unitsAfterCoding: $('#units-after-coding').value });
    fill(s);
    $('#project-name').textContent = s.name;
    effect();
    status.dataset.state = 'done';
    status.textContent = t('settings.saved');
  } catch (err) {
    status.textContent = errorText(err);
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
