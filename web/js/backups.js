// Backups (system administrators): whether the server makes rolling backups, where, how often, how the
// last one went, when the next is due, and the backups in the folder (docs/backups.md). Read-only:
// a backup is restored on the server's command line, with the server stopped.
import { get } from './api.js';
import { $, h } from './dom.js';
import { language, t } from './i18n.js';
import { openPage } from './header.js';

let status;

async function start() {
  if (!await openPage('bk', true)) return;
  status = await get('/api/backups');
  render();
  $('#backups-page').hidden = false;
  document.addEventListener('languagechange', render);
  document.body.dataset.ready = 'true';
}

const when = (iso) => new Date(iso).toLocaleString(language() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const size = (bytes) => t('bk.mib', { n: (bytes / 1048576).toLocaleString(language(), { maximumFractionDigits: 1 }) });

/** ISO-8601 durations as the server takes them (PT1H → 1h, PT30M → 30m, PT1H30M → 1h30m). */
const every = (iso) => iso.replace(/^PT/, '').toLowerCase();

function fact(key, value, cls) {
  return [h('dt', { text: t(key) }), h('dd', { class: cls || '', text: value })];
}

function lastFacts(last) {
  if (!last) return fact('bk.last', t('bk.noneYet'));
  if (last.error) return fact('bk.last', t('bk.failed', { when: when(last.at), why: last.error }), 'error-text');
  const parts = [t('bk.lastDone', { when: when(last.at), size: size(last.bytes), recordings: last.recordings })];
  for (const p of last.problems) parts.push(t('bk.problem', { problem: p }));
  return fact('bk.last', parts.join(' '));
}

function render() {
  const s = status;
  $('#state').replaceChildren(...(s.on
    ? [...fact('bk.on', t('bk.onYes', { every: every(s.every), keep: s.keep })), ...fact('bk.folder', s.folder),
      ...lastFacts(s.last), ...fact('bk.next', when(s.nextAt))]
    : fact('bk.on', t('bk.off'), 'error-text')));
  $('#kept').replaceChildren(...s.kept.map((k) => h('tr', {},
    h('th', { scope: 'row', text: k.file }), h('td', { text: when(k.at) }), h('td', { text: size(k.bytes) }))));
  $('#kept-table').hidden = s.kept.length === 0;
  $('#none-kept').hidden = s.kept.length > 0;
  const example = s.kept.length ? `${s.folder}/${s.kept[0].file}` : t('bk.backupFile');
  $('#restore-command').textContent = `java -jar samenspraak.jar restore \\\n  --from ${example} \\\n  --db ${t('bk.databaseFile')}`;
}

start();
