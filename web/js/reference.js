// The reference chooser of the calibration page (admins and trainers): the transcript's codings (each coder's
// and the consensus, by their names for people, with the units each covers), the current reference, and the
// coders to calibrate against it. A partial coding is said as such before it is chosen.
import { api, ApiError, get } from './api.js';
import { $, h } from './dom.js';
import { errorText, t } from './i18n.js';
import { coderName } from './names.js';
import { int } from './format.js';

/** Shows the tools; answers the codings ({reference, codings, units}). onChange runs after a new reference is saved. */
export async function setUpReferenceTools(transcriptId, onChange) {
  const data = await get(`/api/transcripts/${transcriptId}/codings`);
  const render = () => show(transcriptId, data);
  render();
  document.addEventListener('languagechange', render);
  $('#set-reference').addEventListener('click', async () => {
    const status = $('#reference-status');
    try {
      await api('PUT', `/api/transcripts/${transcriptId}/reference`, { coderId: Number($('#reference-choice').value) });
      status.textContent = t('cal.referenceSaved');
      onChange();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status.textContent = errorText(e);
      status.classList.add('error-text');
    }
  });
  $('#reference-tools').hidden = false;
  return data;
}

const covers = (c, units) => t('cal.codingCovers', { name: coderName(c.name), covered: int(c.units), units: int(units) });

function show(transcriptId, data) {
  const ref = data.reference && data.codings.find((c) => c.coderId === data.reference.coderId);
  $('#reference-now').className = ref && ref.units < data.units ? 'coverage warning' : 'coverage';
  $('#reference-now').textContent = !data.reference ? t('cal.noReferenceYet')
    : `${t('cal.referenceIs', { name: coderName(data.reference.coder), covered: int(ref ? ref.units : 0), units: int(data.units) })}${
      ref && ref.units < data.units ? ` ${t('coverage.partialReference')}` : ''}`;
  const select = $('#reference-choice');
  const chosen = select.value || (data.reference ? String(data.reference.coderId) : '');
  select.replaceChildren(...data.codings.map((c) => h('option', { value: c.coderId, dataset: { consensus: String(c.consensus) },
    text: `${covers(c, data.units)}${c.units < data.units ? ` · ${t('cal.partial')}` : ''}` })));
  if (chosen) select.value = chosen;
  $('#set-reference').disabled = data.codings.length === 0;
  $('#no-codings').hidden = data.codings.length > 0;
  const trainees = data.codings.filter((c) => !c.consensus && (!data.reference || c.coderId !== data.reference.coderId));
  $('#trainees').replaceChildren(...trainees.map((c) => h('li', {},
    data.reference ? h('a', { href: `calibration.html?t=${transcriptId}&coder=${c.coderId}`, text: coderName(c.name) }) : coderName(c.name),
    ' ', h('span', { class: 'muted', text: t('cal.traineeUnits', { covered: int(c.units), units: int(data.units) }) }))));
  $('#trainees-block').hidden = trainees.length === 0;
}
