// A sponsor's word on an amend: the choices, what each needs, and how a review reads.

/** The verdicts a sponsor can give, in the words shown, and whether each needs a note. */
export const verdicts = [
  ['go_ahead', 'Go ahead', false],
  ['wait', 'Wait for now', true],
  ['talk_first', 'Let’s talk first', false],
  ['not_advisable', 'Better not make it', true],
];

/** Whether `verdict` needs a note from the sponsor (API: required for wait and not advisable). */
export function needsNote(verdict) {
  return verdicts.some(([value, , note]) => value === verdict && note);
}

/** The words for a verdict. */
export function verdictLabel(verdict) {
  return (verdicts.find(([value]) => value === verdict) || [])[1] || '';
}

/**
 * Problems with a verdict before it is sent, by field: `{ verdict?, note? }`.
 * `note` is the text as typed.
 */
export function verdictProblems(verdict, note) {
  const problems = {};
  if (!verdicts.some(([value]) => value === verdict)) problems.verdict = 'Choose one of the answers.';
  else if (needsNote(verdict) && !String(note || '').trim()) {
    problems.note = 'Say why in a few words: your sponsee will read it with your answer.';
  }
  if (String(note || '').length > 10000) problems.note = 'This note is too long. Notes can be up to 10,000 characters.';
  return problems;
}

/**
 * How a review stands, for its owner or its reviewer: `{ state, text }` where state is
 * 'waiting', 'decided' or 'earlier' (decided about a text changed since, said in `since`).
 */
export function reviewStatus(review, { reviewerName = review.reviewer?.displayName || 'Your sponsor', mine = false } = {}) {
  if (!review.verdict) {
    return { state: 'waiting', text: mine ? 'Waiting for your answer.' : `Waiting for ${reviewerName}’s answer.` };
  }
  const text = `${mine ? 'You' : reviewerName} said: ${verdictLabel(review.verdict)}.`;
  if (review.stale) {
    return { state: 'earlier', text, since: `The amend has changed since ${mine ? 'you' : reviewerName} answered: this speaks of an earlier text.` };
  }
  return { state: 'decided', text };
}

/**
 * The sponsorships the owner of `entry` could ask for a review now: active, the owner its
 * sponsee, shared with comment access, without an unanswered request.
 */
export function askable(sponsorships, shares, reviews, userId) {
  const commenting = new Set(shares.filter((s) => s.access === 'comment').map((s) => s.sponsorshipId));
  const pending = new Set(reviews.filter((r) => !r.verdict).map((r) => r.sponsorshipId));
  return sponsorships.filter((s) => s.status === 'active' && s.sponsee.id === userId
    && commenting.has(s.id) && !pending.has(s.id));
}
