import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../Sources/Browser/Public/api.js';
import { describe, fieldMessages, waitPhrase } from '../../../Sources/Browser/Public/errors.js';

const problem = (status, code, errors) => new ApiError(status, { status, code, errors });

/** Every code the API documents, by the status it comes with. */
const documented = [
  [400, 'invalid_json'], [400, 'unknown_field'], [400, 'invalid_query'], [400, 'invalid_cursor'],
  [401, 'unauthenticated'], [401, 'invalid_credentials'], [403, 'forbidden'], [403, 'invalid_credentials'],
  [403, 'cross_origin'], [404, 'not_found'], [404, 'invite_not_found'], [405, 'method_not_allowed'],
  [409, 'email_taken'], [409, 'already_sponsoring'], [409, 'review_pending'], [409, 'idempotency_key_in_use'],
  [412, 'version_conflict'], [413, 'content_too_large'], [415, 'unsupported_media_type'],
  [422, 'validation_failed'], [422, 'self_invite'], [422, 'invalid_sponsorship'], [422, 'invalid_parent'],
  [422, 'not_an_amend'], [422, 'not_shared_for_comment'], [422, 'idempotency_key_reused'],
  [428, 'precondition_required'], [429, 'too_many_requests'], [500, 'internal_error'],
  [503, 'service_unavailable'], [503, 'not_ready'], [0, 'network'],
];

test('every documented error is a sentence without the API’s words', () => {
  for (const [status, code] of documented) {
    const sentence = describe(problem(status, code, []));
    assert.match(sentence, /^[A-Z].*[.!]$/, `${code}: ${sentence}`);
    assert.doesNotMatch(sentence, /_|\b(40\d|41\d|42\d|50\d)\b|json|http|api\b|token/i, `${code}: ${sentence}`);
  }
});

test('the same code can read differently on one screen', () => {
  const error = problem(403, 'forbidden');
  assert.equal(describe(error, { forbidden: 'You can read this entry but not comment on it.' }),
    'You can read this entry but not comment on it.');
  assert.equal(describe(error), 'You can’t do that here.');
});

test('a throttled answer says how long to wait', () => {
  assert.match(describe(new ApiError(429, { code: 'too_many_requests' }, 600)), /in about 10 minutes/);
  assert.equal(waitPhrase(30), 'in a moment');
  assert.equal(waitPhrase(60), 'in a minute');
  assert.equal(waitPhrase(61), 'in about 2 minutes');
});

test('unknown codes fall back by status', () => {
  assert.match(describe(problem(404, 'something_new')), /isn’t here any more/);
  assert.match(describe(problem(502, 'bad_gateway')), /on our side/);
  assert.match(describe(new Error('boom')), /unexpected/);
});

test('field problems become sentences keyed by form field names', () => {
  const error = problem(422, 'validation_failed', [
    { field: 'password', code: 'too_short', message: 'x' },
    { field: 'fields.person', code: 'required', message: 'x' },
    { field: 'fields.madeOn', code: 'in_future', message: 'x' },
    { field: 'title', code: 'too_long', message: 'x' },
    { field: 'title', code: 'required', message: 'x' },
  ]);
  const messages = fieldMessages(error, { password: 'Password', person: 'Who', madeOn: 'The day I made it', title: 'Title' });
  assert.deepEqual(messages, {
    password: 'Password needs at least 12 characters.',
    person: 'Who is needed.',
    madeOn: 'The day I made it can’t be in the future.',
    title: 'Title is too long.',
  });
  assert.match(describe(error), /another look/);
});
