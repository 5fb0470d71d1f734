// Live updates: the event stream (reconnected when it drops) and the count of unread activity.
// Quiet when the server has neither: the app then works as before, screen by screen.
import { activityTypes, reconnectDelay } from './activity.js';

/**
 * Whether `GET /v1/events` answers with a stream (true), does not exist (false), or could not
 * be asked now (null): asked with `fetch` and let go at once, so that a server without it
 * costs no console error and no retries.
 */
export async function hasStream() {
  const controller = new AbortController();
  try {
    const response = await fetch('/v1/events', { credentials: 'same-origin', signal: controller.signal, headers: { Accept: 'text/event-stream' } });
    if (response.status === 404 || response.status === 405) return false;
    return response.ok && (response.headers.get('Content-Type') || '').startsWith('text/event-stream') ? true : null;
  } catch {
    return null;
  } finally {
    controller.abort();
  }
}

/**
 * `onActivity(item)` for each event, `onUnread(n)` when the unread count is known,
 * `onResync()` after a gap in the stream (events may have been missed).
 */
export function createLive({
  api, onActivity, onUnread, onResync, EventSourceImpl = globalThis.EventSource, streams = hasStream,
}) {
  let source = null;
  /** Whether the server streams events: null until asked. */
  let streaming = null;
  let timer = null;
  let failures = 0;
  let running = false;
  /** Whether the server has an activity feed: null until asked. */
  let available = null;
  /** Ids of the items already handed to `onActivity` (the latest 500), oldest first. */
  const delivered = new Set();

  async function unreadChanged() {
    try {
      const data = await api.activity({ limit: 1 });
      available = true;
      onUnread(data.unread || 0);
    } catch (error) {
      if (error.status === 404 || error.status === 405) available = false;
    }
  }

  /** Tries again after a pause that grows with each failure in a row. */
  function retryLater() {
    failures += 1;
    timer = setTimeout(async () => {
      timer = null;
      await unreadChanged();
      connect();
    }, reconnectDelay(failures));
  }

  async function connect() {
    if (!running || !available || !EventSourceImpl || source) return;
    if (streaming === null) {
      streaming = await streams();
      if (streaming === null) {
        if (running) retryLater();
        return;
      }
    }
    if (!streaming || !running || source) return;
    const stream = new EventSourceImpl('/v1/events', { withCredentials: true });
    source = stream;
    stream.addEventListener('open', () => {
      if (failures > 0) onResync();
      failures = 0;
    });
    for (const type of activityTypes) {
      stream.addEventListener(type, async (event) => {
        let item;
        try { item = JSON.parse(event.data); } catch { return; }
        // A replay after a reconnect (Last-Event-ID) may send an item again: once is enough.
        if (!item || delivered.has(item.id)) return;
        delivered.add(item.id);
        if (delivered.size > 500) delivered.delete(delivered.values().next().value);
        await unreadChanged();
        onActivity(item);
      });
    }
    stream.addEventListener('error', () => {
      // While CONNECTING the browser retries by itself, sending Last-Event-ID; once CLOSED
      // (the server refused or the session ended) we try again later with a new stream.
      if (stream.readyState !== 2 || source !== stream) return;
      stream.close();
      source = null;
      retryLater();
    });
  }

  return {
    /** Starts listening (after signing in). */
    async start() {
      if (running) return;
      running = true;
      await unreadChanged();
      connect();
    },
    /** Stops listening (after signing out). */
    stop() {
      running = false;
      available = null;
      streaming = null;
      failures = 0;
      if (timer) clearTimeout(timer);
      timer = null;
      source?.close();
      source = null;
    },
    unreadChanged,
    /** Whether the server has an activity feed (known once started). */
    get available() { return available === true; },
    /** Whether a stream is open or opening. */
    get connected() { return source !== null; },
  };
}
