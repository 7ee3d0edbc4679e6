// The bar every page shares: language switch and log-out.
import { api } from './api.js';
import { h, $ } from './dom.js';
import { language, languages, switchLanguage, t } from './i18n.js';

export function setUpHeader(user) {
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
  if (who && user) who.textContent = user.name;
  const out = $('#logout');
  if (out) out.addEventListener('click', async () => {
    await api('POST', '/api/logout').catch(() => {});
    location.assign('index.html');
  });
}
