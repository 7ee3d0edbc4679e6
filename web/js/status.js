// The save state in the header, and short messages under the transcript.
import { h, $ } from './dom.js';
import { t } from './i18n.js';

let last = { state: 'saved', waiting: 0 };

export function showStatus(detail = last) {
  last = detail;
  const el = $('#save-status');
  el.dataset.state = detail.state;
  const text = {
    saved: t('save.saved'),
    saving: t('save.saving', { n: detail.waiting }),
    offline: t('save.offline', { n: detail.waiting }),
    loggedOut: t('save.loggedOut', { n: detail.waiting }),
  }[detail.state];
  if (detail.state === 'loggedOut') {
    el.replaceChildren(text + ' ', h('a', { href: 'index.html', target: '_blank', rel: 'noopener', text: t('save.logInAgain') }));
  } else el.textContent = text;
}

document.addEventListener('languagechange', () => showStatus());

let timer;
/** A message for a few seconds; kind: '' (neutral), 'info' (a change from elsewhere), 'warn' (refused). */
export function toast(message, kind = '') {
  const el = $('#toast');
  el.textContent = message;
  el.className = `toast ${kind}`;
  el.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => { el.hidden = true; }, kind === 'warn' ? 7000 : 4000);
}
