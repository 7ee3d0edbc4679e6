// New project (system administrators): name, codebook with a preview, blind coding, calibration
// threshold. Afterwards the members page, to add the coders.
import { api } from './api.js';
import { $ } from './dom.js';
import { errorText, t } from './i18n.js';
import { openPage } from './header.js';
import { codebookChooser, latestCodebooks, threshold } from './projectform.js';

async function start() {
  if (!(await openPage('newProject', true))) return;
  const books = await latestCodebooks();
  const redraw = codebookChooser($('#codebook'), $('#preview'), books, books.some((b) => b.key === 'samen-beslissen') ? 'samen-beslissen' : null);
  document.addEventListener('languagechange', redraw);
  $('#project-form').addEventListener('submit', create);
  $('#project-form').hidden = false;
  $('#name').focus();
  document.body.dataset.ready = 'true';
}

async function create(e) {
  e.preventDefault();
  const status = $('#create-status');
  const kappa = threshold($('#threshold'));
  status.dataset.state = 'failed';
  if (kappa.problem) {
    status.textContent = kappa.problem;
    return $('#threshold').focus();
  }
  try {
    const p = await api('POST', '/api/projects', { name: $('#name').value, codebookKey: $('#codebook').value,
      blindCoding: $('#blind').checked, calibrationThreshold: kappa.value });
    location.assign(`members.html?p=${p.id}&new=1`);
  } catch (err) {
    status.textContent = errorText(err);
  }
}

start().catch((e) => {
  $('#loading').textContent = t('common.loadFailed', { message: errorText(e) });
});
