import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  daysSober, today, count, longDate, when, excerpt, codeGroups, choices, statuses, methods, label, kinds,
} from '../../../Sources/Browser/Public/format.js';

test('days sober count whole days from the sobriety date', () => {
  assert.equal(daysSober('2026-11-29', '2026-11-29'), 0);
  assert.equal(daysSober('2026-11-28', '2026-11-29'), 1);
  assert.equal(daysSober('2025-11-29', '2026-11-29'), 365);
  assert.equal(daysSober('2024-02-28', '2024-03-01'), 2, 'leap day');
  assert.equal(daysSober('2026-03-28', '2026-03-30'), 2, 'across a daylight saving change');
  assert.equal(daysSober(null, '2026-11-29'), null);
  assert.equal(daysSober('2026-12-01', '2026-11-29'), null, 'a future date counts nothing');
  assert.equal(daysSober('nonsense', '2026-11-29'), null);
});

test('today is the local calendar date', () => {
  assert.equal(today(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('counts and dates read as words', () => {
  assert.equal(count(1, 'day'), '1 day');
  assert.equal(count(1200, 'day'), '1,200 days');
  assert.equal(count(2, 'entry', 'entries'), '2 entries');
  assert.equal(longDate('2026-03-03'), '3 March 2026');
  assert.equal(longDate('2026-11-25T12:00:00.123Z'), '25 November 2026');
  assert.equal(longDate(null), '');
});

test('times are relative while recent', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  assert.equal(when('2026-11-29T11:59:30Z', now), 'just now');
  assert.equal(when('2026-11-29T11:55:00Z', now), '5 minutes ago');
  assert.equal(when('2026-11-29T10:00:00Z', now), '2 hours ago');
  assert.equal(when('2026-11-28T10:00:00Z', now), 'yesterday');
  assert.match(when('2026-11-01T10:00:00Z', now), /November 2026/);
});

test('excerpts take the first line and cut long ones', () => {
  assert.equal(excerpt('first\nsecond'), 'first');
  assert.equal(excerpt('x'.repeat(200), 10), `${'x'.repeat(9)}…`);
});

test('invite codes are grouped for reading aloud', () => {
  assert.deepEqual(codeGroups('K7QM-2XWD-9HTB'), ['K7QM', '2XWD', '9HTB']);
  assert.deepEqual(codeGroups('K7QM2XWD9HTB'), ['K7QM', '2XWD', '9HTB']);
});

test('Step 9 choices appear only where the server knows them', () => {
  const v1 = choices(statuses, false).map(([v]) => v);
  assert.deepEqual(v1, ['planned', 'ready', 'made', 'deferred', 'not_advisable']);
  assert.ok(choices(statuses, true).some(([v]) => v === 'not_yet_willing'));
  assert.ok(!choices(methods, false).some(([v]) => v === 'unsent_letter'));
  assert.equal(label(kinds, 'step_work'), 'Step work');
  assert.equal(label(kinds, 'nope', 'Entry'), 'Entry');
});

test('no label shows an API value', () => {
  for (const list of [kinds, statuses, methods]) {
    for (const [, text] of list) assert.doesNotMatch(text, /_/);
  }
});

test('who read what reads as a sentence, with or without the entry’s title', async () => {
  const { readSentence } = await import('../../../Sources/Browser/Public/format.js');
  const item = (what) => ({ at: '2026-11-29T12:00:00.000Z', viewer: { displayName: 'Alex' }, what });
  assert.equal(readSentence(item('entry')), 'Alex read it');
  assert.equal(readSentence(item('comments'), 'Amends to Jamie'), 'Alex read the conversation on “Amends to Jamie”');
  assert.equal(readSentence(item('list'), 'A'), 'Alex saw in their list “A”');
  assert.equal(readSentence({ what: 'reviews', viewer: null }), 'A former member looked at your requests for their word');
});

test('a lockdown’s result is said in words', async () => {
  const { lockdownSentences } = await import('../../../Sources/Browser/Public/format.js');
  assert.deepEqual(lockdownSentences({ sharesRevoked: 3, sponsorshipsEnded: 1, sessionsEnded: 0 }),
    ['3 shares taken back: nobody but you can see your entries now.', '1 sponsorship ended.']);
  assert.match(lockdownSentences({ sharesRevoked: 0, sponsorshipsEnded: 0, sessionsEnded: 2 })[0], /^Nothing was shared/);
  assert.equal(lockdownSentences({ sharesRevoked: 1, sponsorshipsEnded: 0, sessionsEnded: 2 })[1], 'Signed out in 2 other places.');
});

test('an amend on the list says what it needs, as the summary counts it', async () => {
  const { amendFlags } = await import('../../../Sources/Browser/Public/format.js');
  assert.deepEqual(amendFlags({ status: 'planned', riskToOthers: 'none' }, '2026-11-29'), []);
  assert.deepEqual(amendFlags({ status: 'deferred', riskToOthers: 'none', revisitOn: '2026-11-29' }, '2026-11-29'), ['Time to look at it again']);
  assert.deepEqual(amendFlags({ status: 'deferred', riskToOthers: 'none', revisitOn: '2026-11-30' }, '2026-11-29'), []);
  assert.equal(amendFlags({ status: 'planned', riskToOthers: null }, '2026-11-29').length, 1);
  assert.deepEqual(amendFlags({ status: 'made', riskToOthers: null, revisitOn: '2026-01-01' }, '2026-11-29'), []);
});
