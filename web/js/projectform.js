// The fields New project and a project's settings share: the codebook choice with a preview of its
// dimensions, codes and hotkeys (fetched when chosen), blind coding and the calibration threshold.
import { get } from './api.js';
import { h } from './dom.js';
import { t, tx } from './i18n.js';
import { codebookView } from './codebookview.js';

/** The latest version of every stored codebook, by key: [{key, version, title}]. */
export async function latestCodebooks() {
  const rows = await get('/api/codebooks');
  const latest = new Map();
  for (const r of rows) if (!latest.has(r.key) || r.id > latest.get(r.key).id) latest.set(r.key, r);
  return [...latest.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Fills the codebook select and shows the chosen codebook in the preview; calls onChange(key) after
 * each choice. Returns a function that redraws (after a language change).
 */
export function codebookChooser(select, preview, books, chosen, onChange = () => {}) {
  const options = () => {
    const now = select.value || chosen;
    select.replaceChildren(...books.map((b) => h('option', { value: b.key, selected: b.key === now,
      text: t('newProject.codebookOption', { title: tx(b.label) || b.title, key: b.key, version: b.version }) })));
  };
  options();
  const cache = new Map();
  async function show() {
    const key = select.value;
    if (!cache.has(key)) cache.set(key, await get(`/api/codebooks/${encodeURIComponent(key)}`));
    if (select.value !== key) return;
    const book = cache.get(key).codebook;
    preview.replaceChildren(h('h3', { class: 'preview-title', text: t('newProject.preview', { title: tx(book.title), version: book.version }) }),
      codebookView(book, true));
  }
  select.addEventListener('change', () => { show(); onChange(select.value); });
  show();
  return () => { options(); return show(); };
}

/** The threshold field's value as a number, or a sentence for what is wrong with it. */
export function threshold(input) {
  const v = Number(String(input.value).replace(',', '.'));
  if (input.value === '' || Number.isNaN(v) || v < -1 || v > 1) return { problem: t('newProject.thresholdRange') };
  return { value: v };
}

