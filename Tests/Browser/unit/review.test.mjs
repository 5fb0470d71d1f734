import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsNote, verdictLabel, verdictProblems, reviewStatus, askable } from '../../../Sources/Browser/Public/review.js';

test('a note is needed to say wait or not advisable, as the API wants', () => {
  assert.equal(needsNote('wait'), true);
  assert.equal(needsNote('not_advisable'), true);
  assert.equal(needsNote('go_ahead'), false);
  assert.equal(needsNote('talk_first'), false);
  assert.deepEqual(verdictProblems('go_ahead', ''), {});
  assert.match(verdictProblems('wait', '   ').note, /Say why/);
  assert.deepEqual(verdictProblems('wait', 'After the holidays.'), {});
  assert.match(verdictProblems('', 'x').verdict, /Choose/);
  assert.match(verdictProblems('go_ahead', 'x'.repeat(10001)).note, /too long/);
});

test('verdicts read as plain words, never as the API names them', () => {
  for (const verdict of ['go_ahead', 'wait', 'talk_first', 'not_advisable']) {
    const words = verdictLabel(verdict);
    assert.ok(words && !words.includes('_'), verdict);
  }
});

test('a review reads as waiting, decided, or about an earlier text', () => {
  const base = { reviewer: { displayName: 'Alex' }, verdict: null, stale: false };
  assert.deepEqual(reviewStatus(base), { state: 'waiting', text: 'Waiting for Alex’s answer.' });
  assert.equal(reviewStatus(base, { mine: true }).text, 'Waiting for your answer.');
  assert.deepEqual(reviewStatus({ ...base, verdict: 'wait' }), { state: 'decided', text: 'Alex said: Wait for now.' });
  const earlier = reviewStatus({ ...base, verdict: 'go_ahead', stale: true });
  assert.equal(earlier.state, 'earlier');
  assert.equal(earlier.text, 'Alex said: Go ahead.');
  assert.match(earlier.since, /changed since Alex answered: this speaks of an earlier text/);
  assert.match(reviewStatus({ ...base, verdict: 'go_ahead' }, { mine: true }).text, /^You said/);
});

test('a sponsor can be asked only through an active sponsorship that shares the amend for comments, once at a time', () => {
  const me = 'u-sam';
  const sponsorship = (id, status = 'active', sponsee = me) => ({ id, status, sponsee: { id: sponsee }, sponsor: { id: `sponsor-${id}` } });
  const sponsorships = [sponsorship('s1'), sponsorship('s2'), sponsorship('s3', 'ended'), sponsorship('s4', 'active', 'someone else'), sponsorship('s5')];
  const shares = [
    { sponsorshipId: 's1', access: 'comment' }, { sponsorshipId: 's2', access: 'read' },
    { sponsorshipId: 's3', access: 'comment' }, { sponsorshipId: 's4', access: 'comment' }, { sponsorshipId: 's5', access: 'comment' },
  ];
  const reviews = [{ sponsorshipId: 's5', verdict: null }, { sponsorshipId: 's1', verdict: 'wait' }];
  assert.deepEqual(askable(sponsorships, shares, reviews, me).map((s) => s.id), ['s1']);
});
