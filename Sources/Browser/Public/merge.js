// A version conflict: what the person typed against what was saved meanwhile.
import { methods, statuses, risks, responses, label, longDate } from './format.js';

/** Fields of an entry compared in a conflict, with the words shown for them. */
const labels = {
  title: 'Title', body: 'Text', step: 'Step',
  person: 'Person', relationship: 'Relationship', harm: 'What I did', plan: 'What I will do and say',
  restitution: 'What I owe', method: 'How', status: 'Where it stands', riskToOthers: 'Could it hurt anyone?',
  riskNotes: 'Why', madeOn: 'Made on', outcome: 'How it went', response: 'How they received it',
  revisitOn: 'Look again on', date: 'Date', name: 'Meeting',
};

const choiceLists = { method: methods, status: statuses, riskToOthers: risks, response: responses };
const dates = new Set(['madeOn', 'revisitOn', 'date']);

/** A value as the person reads it: labels for choices, dates in words. */
function text(key, value) {
  if (value === null || value === undefined || value === '') return '';
  if (choiceLists[key]) return label(choiceLists[key], value, String(value));
  if (dates.has(key)) return longDate(value) || String(value);
  if (key === 'step') return `Step ${value}`;
  return String(value);
}

/**
 * The parts where `mine` (the patch the person tried to save) differs from `theirs` (the
 * entry as saved now): `[{ key, label, mine, theirs }]`, values as text.
 */
export function conflicts(mine, theirs) {
  const differences = [];
  const compare = (key, a, b) => {
    if (text(key, a) !== text(key, b)) {
      differences.push({ key, label: labels[key] || key, mine: text(key, a), theirs: text(key, b) });
    }
  };
  for (const key of ['title', 'body', 'step']) {
    if (key in mine) compare(key, mine[key], theirs[key]);
  }
  const fields = mine.fields || {};
  for (const key of Object.keys(fields)) compare(key, fields[key], (theirs.fields || {})[key]);
  return differences;
}
