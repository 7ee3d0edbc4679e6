// A refused upload or rule in the page's language: the error's own sentence (errorText), with the problem it
// quotes and every problem listed in its details said through problemText (key problem.<code>; the server's
// English text where this language has no key). docs/errors.md, "How pages show them".
import { errorText, problemText } from './i18n.js';

/** A problem of the details ({code, params, message, and its place: path, or row and column}) in the page's language. */
export function problemOf(p) {
  if (!p || typeof p !== 'object') return String(p || '');
  return problemText({ code: p.code, params: p.params, text: p.message });
}

/** A list of problems, each with its text in the page's language as {@code text}. */
export function problemsOf(list) {
  return (list || []).map((p) => ({ ...p, text: problemOf(p) }));
}

/**
 * {text, problems}: text is the error's main sentence, the problem it quotes (params problemCode and
 * problemParams, as the parameter 'problem', or 'first' of a refused codebook) said in the page's language;
 * problems are the details' list of problems (empty when there is none), each with its text in the page's language.
 */
export function refusalText(err) {
  if (!err) return { text: '', problems: [] };
  const list = err.details && Array.isArray(err.details.problems) ? err.details.problems : [];
  const problems = problemsOf(list);
  const params = err.params || {};
  if (!params.problemCode) return { text: errorText(err), problems };
  const quoted = problemText({ code: params.problemCode, params: params.problemParams, text: params.problem });
  const said = { ...params };
  if ('problem' in params) said.problem = quoted;
  if ('first' in params) {
    // A refused codebook quotes its first problem with its place: "path: sentence"; kept as sent without a translation.
    const inLanguage = problemText({ code: params.problemCode, params: params.problemParams, text: '' });
    const where = list.length ? list[0].path : null;
    said.first = inLanguage && where ? `${where}: ${inLanguage}` : params.first;
  }
  const shown = Object.create(err);
  shown.params = said;
  return { text: errorText(shown), problems };
}
