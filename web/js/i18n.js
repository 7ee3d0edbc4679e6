// Interface strings from i18n/<lang>.json. The language follows the browser until the user picks one.
const LANGS = ['nl', 'en'];
const STORE = 'samenspraak.lang';
let strings = {};
let lang = 'en';

export function chooseLanguage() {
  const saved = localStorage.getItem(STORE);
  if (LANGS.includes(saved)) return saved;
  for (const l of navigator.languages || [navigator.language]) {
    const base = String(l).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'en';
}

export async function loadLanguage(chosen = chooseLanguage()) {
  const res = await fetch(`i18n/${chosen}.json`);
  strings = await res.json();
  lang = chosen;
  document.documentElement.lang = chosen;
  translate(document);
  return chosen;
}

export async function switchLanguage(chosen) {
  localStorage.setItem(STORE, chosen);
  await loadLanguage(chosen);
  document.dispatchEvent(new CustomEvent('languagechange', { detail: chosen }));
}

export const language = () => lang;
export const languages = () => LANGS;

/** t('progress.coded', {n: 3, of: 10}): the string with {name} placeholders filled in. */
export function t(key, params) {
  let s = strings[key];
  if (s === undefined) return key;
  if (params) for (const [k, v] of Object.entries(params)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** Parameters whose values are keys the interface names in its own words (a speaker role, a member role). */
const PARAM_KEYS = { speakerRole: 'role.', roles: 'role.', role: 'memberRole.', warningKind: 'imp.warning.' };

/** A reader's coded text ({code, params, text}) given as a parameter of another: a reason inside a reason, a small word. */
const isSaid = (x) => !!x && typeof x === 'object' && typeof x.code === 'string' && 'text' in x;

/**
 * A server error in the interface language: t('error.' + code, params) when this language has the code,
 * else the server's own (English) sentence. Lists in the parameters are joined with "or"; role keys and codebook
 * texts ({nl, en}) are named in the page's language.
 */
export function errorText(err) {
  if (!err) return '';
  const code = err.code;
  if (!code || strings['error.' + code] === undefined) return err.message || String(err);
  return t('error.' + code, namedParams(err.params));
}

/**
 * Parameters with role keys, codebook texts ({nl, en}) and coded texts ({code, params, text}) named in the page's
 * language; lists joined with "or", lists of coded texts with commas.
 */
function namedParams(given) {
  const params = {};
  for (const [k, v] of Object.entries(given || {})) {
    const name = (x) => {
      if (isSaid(x)) return problemText(x); // a reader's reason or word inside another text
      if (x && typeof x === 'object') return tx(x); // a codebook text {nl, en}
      if (x === null || x === undefined) return '';
      return PARAM_KEYS[k] && strings[PARAM_KEYS[k] + x] !== undefined ? strings[PARAM_KEYS[k] + x] : x;
    };
    params[k] = Array.isArray(v) ? v.map(name).join(v.some(isSaid) ? ', ' : t('error.or')) : name(v);
  }
  return params;
}

/**
 * A coded text from a reader or checker (a transcript file's problem or warning, a codebook problem, ...):
 * {code, params, text}. t('problem.' + code, params) when this language has the code, else the English text.
 * Parameters are named in the page's language as in errorText; empty when there is nothing to say.
 */
export function problemText(p) {
  if (!p) return '';
  if (typeof p === 'string') return p;
  if (!p.code || strings['problem.' + p.code] === undefined) return p.text || p.message || '';
  return t('problem.' + p.code, namedParams(p.params));
}

/** A codebook text object {nl, en} in the interface language. */
export function tx(text) {
  if (!text) return '';
  return text[lang] || text.en || text.nl || '';
}

/** Fills elements marked data-i18n (text), data-i18n-title, data-i18n-placeholder, data-i18n-label (aria-label). */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
