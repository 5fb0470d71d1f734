import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildThread, aboutEarlierVersion } from '../../../Sources/Browser/Public/thread.js';
import { conflicts } from '../../../Sources/Browser/Public/merge.js';

const c = (id, parentId = null, entryVersion = 1) => ({ id, parentId, entryVersion });

test('replies nest under the comment they answer, in order', () => {
  const tree = buildThread([c('a'), c('b', 'a'), c('c'), c('d', 'b'), c('e', 'a')]);
  assert.deepEqual(tree.map((n) => n.comment.id), ['a', 'c']);
  assert.deepEqual(tree[0].replies.map((n) => n.comment.id), ['b', 'e']);
  assert.deepEqual(tree[0].replies[0].replies.map((n) => n.comment.id), ['d']);
});

test('a reply whose parent is missing is still shown', () => {
  assert.deepEqual(buildThread([c('x', 'gone')]).map((n) => n.comment.id), ['x']);
});

test('a comment on an earlier version is marked', () => {
  assert.equal(aboutEarlierVersion(c('a', null, 1), 2), true);
  assert.equal(aboutEarlierVersion(c('a', null, 2), 2), false);
});

test('a conflict lists what differs between mine and the saved entry', () => {
  const mine = { title: 'Call Dad', body: 'my words', step: null, fields: { person: 'Dad', plan: 'Say sorry', status: 'planned' } };
  const theirs = { title: 'Call Dad', body: 'their words', step: null, fields: { person: 'Dad', plan: null, status: 'ready' } };
  assert.deepEqual(conflicts(mine, theirs), [
    { key: 'body', label: 'Text', mine: 'my words', theirs: 'their words' },
    { key: 'plan', label: 'What I will do and say', mine: 'Say sorry', theirs: '' },
    { key: 'status', label: 'Where it stands', mine: 'Planned', theirs: 'Ready to make' },
  ]);
  assert.deepEqual(conflicts({ title: 'same' }, { title: 'same' }), []);
  assert.deepEqual(conflicts({ step: 4, fields: { madeOn: '2026-03-03' } }, { step: null, fields: { madeOn: null } }), [
    { key: 'step', label: 'Step', mine: 'Step 4', theirs: '' },
    { key: 'madeOn', label: 'Made on', mine: '3 March 2026', theirs: '' },
  ]);
});
