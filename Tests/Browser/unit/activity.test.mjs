import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeActivity, activityTarget, concerns, reconnectDelay, activityTypes } from '../../../Sources/Browser/Public/activity.js';
import { createLive } from '../../../Sources/Browser/Public/live.js';

const item = (type, extra = {}) => ({ id: 'a1', type, actor: { displayName: 'Alex' }, entryId: null, sponsorshipId: null, ...extra });

test('every activity type reads as a sentence about the person who acted', () => {
  for (const type of activityTypes) assert.match(describeActivity(item(type)), /^Alex .+\.$/);
  assert.equal(describeActivity(item('something_new')), 'Alex did something that concerns you.');
  assert.equal(describeActivity({ type: 'comment_added', actor: null }), 'Someone wrote in the conversation on an entry.');
  assert.equal(describeActivity(item('review_decided'), 'Amends to Jamie'), 'Alex gave their word on “Amends to Jamie”.');
  assert.equal(describeActivity(item('entry_shared'), '<b>x</b>'), 'Alex shared “<b>x</b>” with you.', 'a title stays text');
});

test('an item leads to its entry, else to the sponsorships', () => {
  assert.deepEqual(activityTarget(item('comment_added', { entryId: 'e1', sponsorshipId: 's1' })), ['entry', { id: 'e1' }]);
  assert.deepEqual(activityTarget(item('sponsorship_started', { sponsorshipId: 's1' })), ['people', {}]);
  assert.equal(activityTarget(item('sponsorship_started')), null);
});

test('an event concerns lists, the page of its own entry, and never a screen with a form', () => {
  const comment = item('comment_added', { entryId: 'e1' });
  assert.equal(concerns({ name: 'shared', params: {} }, item('entry_shared', { entryId: 'e2' })), true);
  assert.equal(concerns({ name: 'entry', params: { id: 'e1' } }, comment), true);
  assert.equal(concerns({ name: 'entry', params: { id: 'e2' } }, comment), false);
  assert.equal(concerns({ name: 'entry', params: { id: 'e2' } }, item('sponsorship_ended')), true);
  assert.equal(concerns({ name: 'amends', params: {} }, item('review_decided', { entryId: 'e1' })), true);
  assert.equal(concerns({ name: 'amends', params: {} }, comment), false);
  for (const name of ['editEntry', 'newEntry', 'people', 'account']) assert.equal(concerns({ name, params: {} }, comment), false, name);
});

test('reconnecting waits longer after each failure, never more than a minute', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 20].map(reconnectDelay), [2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
});

/** An EventSource stand-in: records instances; tests fire its events. */
class FakeSource {
  static made = [];
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.readyState = 0;
    this.listeners = {};
    this.closed = false;
    FakeSource.made.push(this);
  }
  addEventListener(type, handler) { (this.listeners[type] ||= []).push(handler); }
  async fire(type, data) {
    for (const handler of this.listeners[type] || []) await handler({ data });
  }
  close() { this.closed = true; this.readyState = 2; }
}

function liveWith(answers, streams = async () => true) {
  const seen = { items: [], unread: [], resyncs: 0 };
  const api = {
    activity: async () => {
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  FakeSource.made = [];
  const live = createLive({
    api, EventSourceImpl: FakeSource, streams,
    onActivity: (i) => seen.items.push(i), onUnread: (n) => seen.unread.push(n), onResync: () => { seen.resyncs += 1; },
  });
  return { live, seen };
}

test('without an activity feed on the server, nothing is opened and nothing is said', async () => {
  const { live, seen } = liveWith([Object.assign(new Error('not found'), { status: 404 })]);
  await live.start();
  assert.equal(FakeSource.made.length, 0);
  assert.equal(live.available, false);
  assert.deepEqual(seen.unread, []);
});

test('with a feed but no event stream yet, the unread count is kept and no stream is opened', async () => {
  const { live, seen } = liveWith([{ items: [], unread: 2 }], async () => false);
  await live.start();
  assert.equal(FakeSource.made.length, 0);
  assert.deepEqual(seen.unread, [2]);
  live.stop();
});

test('events arrive by type with the activity as data, and the unread count follows', async () => {
  const { live, seen } = liveWith([{ items: [], unread: 0 }, { items: [], unread: 1 }]);
  await live.start();
  const [source] = FakeSource.made;
  assert.equal(source.url, '/v1/events');
  await source.fire('comment_added', JSON.stringify(item('comment_added', { entryId: 'e1' })));
  await source.fire('comment_added', 'not json');
  assert.deepEqual(seen.items.map((i) => i.entryId), ['e1']);
  assert.deepEqual(seen.unread, [0, 1]);
  live.stop();
  assert.equal(source.closed, true);
});

test('an item sent again (a replay after a reconnect) is handed on once', async () => {
  const { live, seen } = liveWith([{ items: [], unread: 0 }, { items: [], unread: 1 }, { items: [], unread: 2 }]);
  await live.start();
  const [source] = FakeSource.made;
  await source.fire('comment_added', JSON.stringify(item('comment_added', { id: 'a1', entryId: 'e1' })));
  await source.fire('comment_added', JSON.stringify(item('comment_added', { id: 'a1', entryId: 'e1' })));
  await source.fire('entry_shared', JSON.stringify(item('entry_shared', { id: 'a2', entryId: 'e2' })));
  assert.deepEqual(seen.items.map((i) => i.id), ['a1', 'a2']);
  live.stop();
});

test('a stream the server closed is opened again later, and the screen catches up', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const { live, seen } = liveWith([{ items: [], unread: 0 }, { items: [], unread: 0 }]);
  await live.start();
  await new Promise((resolve) => setImmediate(resolve));
  const [first] = FakeSource.made;
  first.readyState = 0;
  await first.fire('error');
  assert.equal(FakeSource.made.length, 1, 'while connecting, the browser retries by itself');
  first.readyState = 2;
  await first.fire('error');
  assert.equal(live.connected, false);
  t.mock.timers.tick(2000);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(FakeSource.made.length, 2);
  await FakeSource.made[1].fire('open');
  assert.equal(seen.resyncs, 1);
  live.stop();
});
