// People's names as pages show them. The consensus of adjudication is stored as a pseudo-coder named
// "consensus:<project>" (a prefix no user may take); pages never show that internal name.
import { t } from './i18n.js';

const INTERNAL = /^consensus:\d+$/i;

export const isConsensus = (name) => INTERNAL.test(String(name || ''));

/** A coder's name for people: the consensus as "Consensus (adjudicated)" in the page's language. */
export const coderName = (name) => (isConsensus(name) ? t('consensus.name') : name);
