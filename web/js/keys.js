// The coding screen's keys. Code hotkeys are single printable characters (case-sensitive) from
// the codebook; the validator reserves j k J K ? / and space for the screen, so every other
// command uses a key that types no character (arrows, Enter, Backspace, Tab, F6) or a Ctrl or Alt chord.

/** [action, keys shown in help, combos matched]; combos are built by combo(event). */
export const COMMANDS = [
  ['next', ['↓', 'j'], ['ArrowDown', 'j']],
  ['prev', ['↑', 'k'], ['ArrowUp', 'k']],
  ['next10', ['PgDn', 'J'], ['PageDown', 'J']],
  ['prev10', ['PgUp', 'K'], ['PageUp', 'K']],
  ['first', ['Home'], ['Home']],
  ['last', ['End'], ['End']],
  ['nextUncoded', ['Enter'], ['Enter', 'Ctrl+Enter']],
  ['clear', ['Backspace', 'Delete'], ['Backspace', 'Delete']],
  ['undo', ['Ctrl+Z'], ['Ctrl+z']],
  ['redo', ['Ctrl+Shift+Z', 'Ctrl+Y'], ['Ctrl+Shift+z', 'Ctrl+y']],
  ['nextDimension', ['Tab'], ['Tab']],
  ['prevDimension', ['Shift+Tab'], ['Shift+Tab']],
  ['search', ['/'], ['/']],
  ['help', ['?'], ['?']],
  ['play', ['Space'], ['Space']],
  ['follow', ['Shift+Space'], ['Shift+Space']],
  ['autoAdvance', ['Ctrl+.'], ['Ctrl+.']],
  ['escape', ['Esc'], ['Escape']],
  ['header', ['F6'], ['F6']],
];

/**
 * Moving the current unit's start or end, where the transcript has times and a recording (the timeline shows):
 * the recording screen's chords, matched by the key's place (see chord).
 */
export const BOUNDARY_COMMANDS = [
  ['endEarlier', ['Alt+,'], ['Alt+Comma']],
  ['endLater', ['Alt+.'], ['Alt+Period']],
  ['endEarlier1s', ['Alt+Shift+,'], ['Alt+Shift+Comma']],
  ['endLater1s', ['Alt+Shift+.'], ['Alt+Shift+Period']],
  ['startEarlier', ['Alt+['], ['Alt+BracketLeft', 'Alt+Shift+BracketLeft']],
  ['startLater', ['Alt+]'], ['Alt+BracketRight', 'Alt+Shift+BracketRight']],
];

const BY_COMBO = new Map();
for (const [action, , combos] of [...COMMANDS, ...BOUNDARY_COMMANDS]) for (const c of combos) BY_COMBO.set(c, action);

/**
 * The key as one string: a printable character as itself ('q', 'Q', '?'), anything else with its
 * modifiers ('Ctrl+Shift+z', 'Shift+Tab', 'Space'). AltGr (Ctrl+Alt on some layouts) that types a
 * character counts as that character.
 */
export function combo(e) {
  const altGr = e.ctrlKey && e.altKey && e.key.length === 1;
  const ctrl = (e.ctrlKey || e.metaKey) && !altGr;
  if (e.key === ' ') return (e.shiftKey ? 'Shift+' : '') + (ctrl ? 'Ctrl+' : '') + 'Space';
  if (e.key.length === 1 && !ctrl && !(e.altKey && !altGr)) return e.key;
  const parts = [];
  if (ctrl) parts.push('Ctrl');
  if (e.altKey && !altGr) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(e.key.length === 1 ? e.key.toLowerCase() : e.key);
  return parts.join('+');
}

/**
 * As combo, but an Alt chord by the key's place (e.code: 'Alt+Comma', 'Alt+Shift+BracketLeft'), so it works on
 * every layout and with the Mac's Option key, which types another character.
 */
export function chord(e) {
  if (e.altKey && !e.ctrlKey && !e.metaKey) return `Alt+${e.shiftKey ? 'Shift+' : ''}${e.code}`;
  return combo(e);
}

/** The command for a key, or null (then a single character may be a code hotkey). */
export function commandFor(c) {
  return BY_COMBO.get(c) || null;
}

export const isCharacter = (c) => [...c].length === 1;
