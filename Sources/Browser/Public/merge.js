// A version conflict: what the person typed against what was saved meanwhile.

/** Fields of an entry compared in a conflict, with the words shown for them. */
const labels = {
  title: 'Title', body: 'Text', step: 'Step',
  person: 'Person', relationship: 'Relationship', harm: 'What I did', plan: 'What I will do and say',
  restitution: 'What I owe', method: 'How', status: 'Where it stands', riskToOthers: 'Could it hurt anyone?',
  riskNotes: 'Why', madeOn: 'Made on', outcome: 'How it went', response: 'How they received it',
  revisitOn: 'Look again on', date: 'Date', name: 'Meeting',
};

const text = (value) => (value === null || value === undefined ? '' : String(value));

/**
 * The parts where `mine` (the patch the person tried to save) differs from `theirs` (the
 * entry as saved now): `[{ key, label, mine, theirs }]`, values as text.
 */
export function conflicts(mine, theirs) {
  const differences = [];
  const compare = (key, a, b) => {
    if (text(a) !== text(b)) differences.push({ key, label: labels[key] || key, mine: text(a), theirs: text(b) });
  };
  for (const key of ['title', 'body', 'step']) {
    if (key in mine) compare(key, mine[key], theirs[key]);
  }
  const fields = mine.fields || {};
  for (const key of Object.keys(fields)) compare(key, fields[key], (theirs.fields || {})[key]);
  return differences;
}
