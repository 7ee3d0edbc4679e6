// The bar every page shares: language switch and log-out.
import { api, get, currentUser } from './api.js';
import { h, $ } from './dom.js';
import { language, languages, loadLanguage, switchLanguage, t, translate } from './i18n.js';

/**
 * The controls every page's bar ends with (language, who is logged in, log out), built here once
 * rather than copied into each page; a page's own buttons stay before them in its .bar-end.
 */
function buildBarEnd() {
  const end = $('header.bar .bar-end');
  if (!end || $('#language')) return;
  end.append(
    h('label', { class: 'visually-hidden', for: 'language', dataset: { i18n: 'language.label' } }),
    h('select', { id: 'language' }),
    h('a', { id: 'user-name', class: 'user', href: 'account.html', dataset: { i18nTitle: 'account.title' } }),
    h('button', { type: 'button', id: 'logout', class: 'quiet', dataset: { i18n: 'nav.logout' } }));
  translate(end);
}

/** For system administrators: Users, Codebooks and Backups, before the common controls. */
function buildAdminLinks(user) {
  const select = $('header.bar .bar-end #language');
  if (!select || !user || user.systemRole !== 'admin' || $('#nav-users')) return;
  select.before(
    h('a', { class: 'button quiet', id: 'nav-users', href: 'users.html', text: t('nav.users'), dataset: { i18n: 'nav.users' } }),
    h('a', { class: 'button quiet', id: 'nav-codebooks', href: 'codebooks.html', text: t('nav.codebooks'), dataset: { i18n: 'nav.codebooks' } }),
    h('a', { class: 'button quiet', id: 'nav-backups', href: 'backups.html', text: t('nav.backups'), dataset: { i18n: 'nav.backups' } }));
}

export function setUpHeader(user) {
  buildBarEnd();
  buildAdminLinks(user);
  const select = $('#language');
  if (select) {
    select.replaceChildren(...languages().map((l) => h('option', { value: l, text: t('language.' + l) })));
    select.value = language();
    select.addEventListener('change', () => switchLanguage(select.value));
    document.addEventListener('languagechange', () => {
      for (const o of select.options) o.textContent = t('language.' + o.value);
    });
  }
  const who = $('#user-name');
  if (who && user) who.textContent = who.title = user.name;
  const out = $('#logout');
  if (out) out.addEventListener('click', async () => {
    await api('POST', '/api/logout').catch(() => {});
    location.assign('index.html');
  });
}

/**
 * The start every project page shares: language, log-in, header, the project's name in the title,
 * and the caller's role. Returns {user, project, role}, or null after showing the page's refusal
 * when the role is not one of {@code roles}.
 */
export async function openProjectPage(projectId, prefix, roles) {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  const [project, mine] = await Promise.all([get(`/api/projects/${projectId}`), get('/api/projects')]);
  $('#project-name').textContent = $('#project-name').title = project.name;
  document.title = `${t(prefix + '.title')} · ${project.name} · Samenspraak`;
  $('#loading').hidden = true;
  const role = (mine.find((p) => p.id === projectId) || {}).role;
  if (!roles.includes(role)) {
    $('#refused').textContent = t(prefix + '.refused');
    $('#refused').hidden = false;
    document.body.dataset.ready = 'true';
    return null;
  }
  return { user, project, role };
}

/**
 * The start of a page for system administrators (users, codebooks can be read by all): language,
 * log-in, header. Returns the user, or null after showing the page's refusal when {@code adminOnly}
 * and the user is no system administrator.
 */
export async function openPage(prefix, adminOnly) {
  await loadLanguage();
  const user = await currentUser();
  setUpHeader(user);
  document.title = `${t(prefix + '.title')} · Samenspraak`;
  $('#loading').hidden = true;
  if (adminOnly && user.systemRole !== 'admin') {
    $('#refused').textContent = t(prefix + '.refused');
    $('#refused').hidden = false;
    document.body.dataset.ready = 'true';
    return null;
  }
  return user;
}
