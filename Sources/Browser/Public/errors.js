// Every answer the API can give, told as a sentence a person understands.

const byCode = {
  network: 'Stepwork can’t be reached right now. Check your connection and try again — what you typed is still here.',
  unauthenticated: 'You’ve been signed out. Please sign in again.',
  invalid_credentials: 'That email and password don’t match an account. Check them and try again.',
  email_taken: 'There’s already an account with this email. Try signing in instead.',
  invite_not_found: 'That code doesn’t work. It may be mistyped, already used, or expired — ask for a new one.',
  self_invite: 'That’s your own code. Give it to the other person so they can enter it.',
  already_sponsoring: 'You two are already connected this way.',
  invalid_sponsorship: 'That sponsorship has ended, so nothing can be shared through it.',
  not_found: 'This isn’t here any more. It may have been deleted, or it’s no longer shared with you.',
  forbidden: 'You can’t do that here.',
  cross_origin: 'Your browser sent this from another site, so it was refused. Reload Stepwork and try again.',
  version_conflict: 'This was changed somewhere else while you were editing it.',
  precondition_required: 'This was changed somewhere else. Reload it and try again.',
  too_many_requests: 'Too many tries in a short time. Please wait a little and try again.',
  content_too_large: 'This is too long to save. Try splitting it into two.',
  invalid_parent: 'The comment you’re answering isn’t on this entry any more.',
  comment_deleted: 'That comment was deleted, so it can’t be changed.',
  service_unavailable: 'Stepwork is busy right now. Please try again in a moment — what you typed is still here.',
  not_ready: 'Stepwork is busy right now. Please try again in a moment — what you typed is still here.',
  not_an_amend: 'Only amends can be reviewed.',
  not_shared_for_comment: 'Share this amend with your sponsor for comments first, then ask for a review.',
  review_pending: 'You’ve already asked for a review of this; your sponsor hasn’t answered yet.',
  idempotency_key_in_use: 'This is still being saved. Wait a moment before trying again.',
  idempotency_key_reused: 'This may have been saved already. Look before sending it again — what you typed is still here.',
};

const fieldCodes = {
  required: (label) => `${label} is needed.`,
  too_short: (label, field) =>
    (field.endsWith('assword') ? `${label} needs at least 12 characters.` : `${label} can’t be empty.`),
  too_long: (label) => `${label} is too long.`,
  invalid_characters: (label) => `${label} contains a character that can’t be saved.`,
  in_future: (label) => `${label} can’t be in the future.`,
  invalid_value: (label) => `${label} isn’t one of the choices.`,
  invalid_type: (label) => `${label} isn’t in the right form.`,
  invalid: (label) => `${label} doesn’t look right.`,
};

/** "in about N minutes" from a Retry-After number of seconds. */
export function waitPhrase(seconds) {
  if (!seconds || seconds < 60) return 'in a moment';
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'in a minute' : `in about ${minutes} minutes`;
}

/**
 * One sentence for `error` (an ApiError or anything thrown). `context` may override a code
 * for one screen: `{ forbidden: 'You can read this entry but not comment on it.' }`.
 */
export function describe(error, context = {}) {
  const code = error && error.code;
  if (code && context[code]) return context[code];
  if (code === 'too_many_requests' || (error && error.status === 429)) {
    return `Too many tries in a short time. Please try again ${waitPhrase(error.retryAfter)}.`;
  }
  if (code === 'validation_failed') {
    return error.errors.length ? 'Some answers need another look — see the notes below.' : 'Some answers need another look.';
  }
  if (code && byCode[code]) return byCode[code];
  const status = error && error.status;
  if (status === 404) return byCode.not_found;
  if (status === 403) return byCode.forbidden;
  if (status >= 500) return 'Something went wrong on our side. What you typed is still here — please try again in a moment.';
  if (status >= 400) return 'That couldn’t be saved. Please check it and try again.';
  return 'Something unexpected happened. Please try again.';
}

/**
 * Sentences for the field problems of a `422`, by form field name: `fields.person` from the
 * API becomes `person`. `labels` names the fields as the form does.
 */
export function fieldMessages(error, labels = {}) {
  const messages = {};
  for (const problem of (error && error.errors) || []) {
    const name = String(problem.field || '').replace(/^fields\./, '');
    const label = labels[name] || 'This answer';
    const sentence = (fieldCodes[problem.code] || fieldCodes.invalid)(label, name);
    if (!messages[name]) messages[name] = sentence;
  }
  return messages;
}
