// The speaker-role notice of the coding screen, kept out of coding.js: a banner while the transcript's roles
// are not confirmed, and the plain-words reason when a code is refused for a speaker's role (issue 9,
// defect 8). Administrators and trainers get a link to the roles on the transcripts page; coders a note on
// whom to ask. The notice sits above the transcript list, which moves down by its height.
import { get } from './api.js';
import { $, h } from './dom.js';
import { t, tx } from './i18n.js';

const S = { doc: null, staff: null, refusal: null, el: null };

/** Called once the transcript is loaded: flags it when its roles are not confirmed. */
export function showRolesNotice(doc) {
  S.doc = doc;
  if (!doc.transcript.rolesConfirmed) render();
  document.addEventListener('languagechange', () => { if (S.el && !S.el.hidden) render(); });
}

/** A code refused for the role of the unit's speaker: says why and where roles are set, until dismissed. */
export function explainRoleRefusal(code, unit) {
  S.refusal = { code, unit };
  render();
}

async function render() {
  if (S.staff === null) {
    const mine = await get('/api/projects').catch(() => []);
    const role = (mine.find((p) => p.id === S.doc.transcript.projectId) || {}).role;
    S.staff = role === 'admin' || role === 'trainer';
  }
  const el = notice();
  const parts = [];
  if (!S.doc.transcript.rolesConfirmed) parts.push(h('p', { class: 'unconfirmed', text: t('roles.unconfirmed') }));
  if (S.refusal) {
    const { code, unit } = S.refusal;
    parts.push(h('p', { class: 'refusal', text: t('roles.refused', {
      code: tx(code.label), roles: code.roles.map((r) => t(`role.${r}`)).join(t('roles.or')), speaker: unit.speakerLabel, role: t(`role.${unit.speakerRole}`),
    }) }));
  }
  const where = `transcripts.html?p=${S.doc.transcript.projectId}&roles=${S.doc.transcript.id}`;
  parts.push(S.staff ? h('p', {}, h('a', { href: where, text: t('roles.fix') }))
    : h('p', { class: 'ask', text: S.refusal ? t('roles.askAbout', { speaker: S.refusal.unit.speakerLabel }) : t('roles.ask') }));
  const close = S.refusal ? h('button', { type: 'button', class: 'quiet notice-close', text: t('roles.dismiss'),
    onclick: () => { S.refusal = null; if (S.doc.transcript.rolesConfirmed) hide(); else render(); $('#units').focus(); } }) : null;
  el.replaceChildren(...[h('div', { class: 'notice-text' }, parts), close].filter(Boolean));
  el.hidden = false;
  place();
}

function notice() {
  if (S.el) return S.el;
  S.el = h('div', { id: 'roles-notice', class: 'roles-notice', role: 'region', 'aria-label': t('roles.label'), 'aria-live': 'polite', hidden: true });
  $('#units').before(S.el);
  new ResizeObserver(place).observe(S.el);
  return S.el;
}

function hide() {
  S.el.hidden = true;
  place();
}

/** The transcript list starts below the notice, so the notice never covers a unit. */
function place() {
  $('#units').style.top = S.el && !S.el.hidden ? `${S.el.offsetHeight}px` : '';
}
