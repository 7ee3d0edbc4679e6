// The '?' dialog: every key of the screen, then the codes of the current dimension with their
// hotkeys, definitions and examples.
import { h, $ } from './dom.js';
import { t, tx } from './i18n.js';
import { COMMANDS } from './keys.js';

const keys = (list) => list.flatMap((k, i) => [i ? ' / ' : null, h('kbd', { text: k })]);

export function showHelp(dimension, commands = COMMANDS) {
  const rows = commands.map(([action, shown]) => h('tr', {}, h('td', {}, keys(shown)), h('td', { text: t('key.' + action) })));
  const codes = !dimension ? [] : dimension.codes.map((c) => h('tr', {},
    h('td', {}, c.hotkey ? h('kbd', { text: c.hotkey }) : ''),
    h('td', {},
      h('strong', { text: tx(c.label) }),
      c.definition ? h('div', { class: 'muted', text: tx(c.definition) }) : null,
      (c.examples || []).length ? h('div', { class: 'examples-inline', text: c.examples.map((e) => `“${tx(e)}”`).join('  ') }) : null)));
  $('#help-body').replaceChildren(
    h('table', { class: 'keys' }, h('caption', { text: t('help.commands') }), h('tbody', {}, rows)),
    dimension ? h('table', { class: 'keys' }, h('caption', { text: t('help.codes', { dimension: tx(dimension.label) }) }), h('tbody', {}, codes)) : '');
  const dialog = $('#help');
  $('#help-close').onclick = closeHelp;
  if (!dialog.open) dialog.showModal();
}

export function closeHelp() {
  $('#help').close();
  const list = $('#units') || $('#items');
  if (list) list.focus();
}

export const helpOpen = () => $('#help').open;
