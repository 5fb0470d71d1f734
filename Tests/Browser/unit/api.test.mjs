import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApi, ApiError, versionFromETag, query } from '../../../Sources/Browser/Public/api.js';

/** A fetch that records calls and answers from a list. */
function fakeFetch(answers) {
  const calls = [];
  const fetchImpl = async (path, init) => {
    calls.push({ path, init });
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    const headers = new Headers(answer.headers || {});
    if (answer.json !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return new Response(answer.json === undefined ? null : JSON.stringify(answer.json), { status: answer.status || 200, headers });
  };
  return { calls, fetchImpl };
}

test('sign-in asks for a cookie session and sends the session along, never a token', async () => {
  const { calls, fetchImpl } = fakeFetch([{ json: { user: { id: 'u1' } } }]);
  const api = createApi(fetchImpl);
  await api.login({ email: 'a@example.org', password: 'pw' });
  assert.equal(calls[0].path, '/v1/auth/login');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.credentials, 'same-origin');
  assert.deepEqual(JSON.parse(calls[0].init.body), { email: 'a@example.org', password: 'pw', session: 'cookie' });
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.equal(calls[0].init.headers.Authorization, undefined);
});

test('registration sends the cookie session field too', async () => {
  const { calls, fetchImpl } = fakeFetch([{ status: 201, json: { user: { id: 'u1' } } }]);
  await createApi(fetchImpl).register({ email: 'a@example.org', password: 'x'.repeat(12), displayName: 'A' });
  assert.equal(JSON.parse(calls[0].init.body).session, 'cookie');
});

test('an entry carries the version its ETag names, and a PATCH sends it as If-Match', async () => {
  const { calls, fetchImpl } = fakeFetch([
    { json: { id: 'e1', version: 2, title: 't' }, headers: { ETag: '"3"' } },
    { json: { id: 'e1', version: 4 } },
  ]);
  const api = createApi(fetchImpl);
  const entry = await api.entry('e1');
  assert.equal(entry.version, 3);
  await api.updateEntry('e1', entry.version, { title: 'new' });
  assert.equal(calls[1].init.method, 'PATCH');
  assert.equal(calls[1].init.headers['If-Match'], '"3"');
});

test('a problem answer becomes an ApiError with code, field errors and Retry-After', async () => {
  const { fetchImpl } = fakeFetch([{
    status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
    json: { status: 429, code: 'too_many_requests' },
  }]);
  await assert.rejects(createApi(fetchImpl).me(), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'too_many_requests');
    assert.equal(error.retryAfter, 120);
    return true;
  });
});

test('a network failure is status 0, code network', async () => {
  const { fetchImpl } = fakeFetch([new TypeError('Failed to fetch')]);
  await assert.rejects(createApi(fetchImpl).me(), { status: 0, code: 'network' });
});

test('a 401 tells the app the session is gone', async () => {
  const { fetchImpl } = fakeFetch([{ status: 401, json: { status: 401, code: 'unauthenticated' } }]);
  const api = createApi(fetchImpl);
  let told = null;
  api.onSignedOut = (error) => { told = error; };
  await assert.rejects(api.sponsorships());
  assert.equal(told.code, 'unauthenticated');
});

test('lists follow nextCursor until the last page', async () => {
  const { calls, fetchImpl } = fakeFetch([
    { json: { items: [1, 2], nextCursor: 'c1' } },
    { json: { items: [3], nextCursor: null } },
  ]);
  const items = await createApi(fetchImpl).entries({ kind: 'amend' });
  assert.deepEqual(items, [1, 2, 3]);
  assert.equal(calls[0].path, '/v1/entries?kind=amend&limit=100');
  assert.equal(calls[1].path, '/v1/entries?kind=amend&limit=100&cursor=c1');
});

test('ids are escaped into paths', async () => {
  const { calls, fetchImpl } = fakeFetch([{ status: 204 }]);
  await createApi(fetchImpl).unshare('a/b', '../x');
  assert.equal(calls[0].path, '/v1/entries/a%2Fb/shares/..%2Fx');
});

test('versionFromETag and query', () => {
  assert.equal(versionFromETag('"12"'), 12);
  assert.equal(versionFromETag('W/"5"'), 5);
  assert.equal(versionFromETag('"x"'), null);
  assert.equal(versionFromETag(null), null);
  assert.equal(query({ a: 1, b: '', c: null, d: 'x y' }), '?a=1&d=x+y');
  assert.equal(query({}), '');
});

test('an export comes back as a file with the name the server gave, kept to plain characters', async () => {
  const { filenameFrom } = await import('../../../Sources/Browser/Public/api.js');
  assert.equal(filenameFrom('attachment; filename="stepwork-export-2026-11-29.json"'), 'stepwork-export-2026-11-29.json');
  assert.equal(filenameFrom('attachment; filename="../../etc/passwd"'), 'stepwork-export.json');
  assert.equal(filenameFrom('attachment; filename="my export (1).json"'), 'myexport1.json');
  assert.equal(filenameFrom(null), 'stepwork-export.json');
  const { calls, fetchImpl } = fakeFetch([{
    json: { format: 'stepwork-export/1' },
    headers: { 'Content-Disposition': 'attachment; filename="stepwork-export-2026-11-29.json"' },
  }]);
  const api = createApi(fetchImpl);
  const { blob, filename } = await api.exportData('secret password');
  assert.equal(filename, 'stepwork-export-2026-11-29.json');
  assert.deepEqual(JSON.parse(await blob.text()), { format: 'stepwork-export/1' });
  assert.deepEqual(JSON.parse(calls[0].init.body), { password: 'secret password' });
});

test('a wrong password for an export is an error like any other', async () => {
  const { fetchImpl } = fakeFetch([{ status: 403, json: { status: 403, code: 'invalid_credentials' } }]);
  await assert.rejects(createApi(fetchImpl).exportData('wrong'), (error) => error.code === 'invalid_credentials');
});

test('a verdict sends its note only when there is one', async () => {
  const { calls, fetchImpl } = fakeFetch([{ json: {} }, { json: {} }]);
  const api = createApi(fetchImpl);
  await api.decide('r1', 'go_ahead', null);
  await api.decide('r1', 'wait', 'After the holidays.');
  assert.equal(calls[0].path, '/v1/reviews/r1/verdict');
  assert.equal(calls[0].init.method, 'PUT');
  assert.deepEqual(JSON.parse(calls[0].init.body), { verdict: 'go_ahead' });
  assert.deepEqual(JSON.parse(calls[1].init.body), { verdict: 'wait', note: 'After the holidays.' });
});

test('a creation repeated after no answer carries the same Idempotency-Key, a new one once answered', async () => {
  const { retryKey } = await import('../../../Sources/Browser/Public/api.js');
  let n = 0;
  const creation = retryKey(() => `key-${n += 1}`);
  const { calls, fetchImpl } = fakeFetch([
    new TypeError('network down'),
    { status: 503, json: { status: 503, code: 'service_unavailable' } },
    { status: 201, json: { id: 'e1' } },
    { status: 422, json: { status: 422, code: 'validation_failed' } },
    { status: 201, json: { id: 'e2' } },
  ]);
  const api = createApi(fetchImpl);
  const create = () => creation.run((key) => api.createEntry({ kind: 'journal', title: 't', body: '' }, key));
  await assert.rejects(create());
  await assert.rejects(create());
  assert.equal((await create()).id, 'e1');
  await assert.rejects(create());
  assert.equal((await create()).id, 'e2');
  assert.deepEqual(calls.map((c) => c.init.headers['Idempotency-Key']), ['key-1', 'key-1', 'key-1', 'key-2', 'key-3']);
});

test('without a key, nothing is sent for it', async () => {
  const { calls, fetchImpl } = fakeFetch([{ status: 201, json: {} }]);
  await createApi(fetchImpl).addComment('e1', 'hello');
  assert.equal(calls[0].init.headers['Idempotency-Key'], undefined);
  assert.deepEqual(JSON.parse(calls[0].init.body), { body: 'hello' });
});
