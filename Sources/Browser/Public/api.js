// The Stepwork API, as the browser uses it: same origin, the session in an HttpOnly cookie.

/** A failed request: `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.code || `http_${status}`);
    this.status = status;
    this.code = problem.code || (status === 0 ? 'network' : `http_${status}`);
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }
}

/** The version an entry's `ETag` names (`"3"` → 3), or null. */
export function versionFromETag(etag) {
  const match = /^(?:W\/)?"(\d+)"$/.exec(etag || '');
  return match ? Number(match[1]) : null;
}

/** Query string from an object, skipping empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The file name a `Content-Disposition: attachment; filename="…"` header gives, kept to
 * plain characters; `stepwork-export.json` without one.
 */
export function filenameFrom(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  const name = match ? match[1].replace(/[^A-Za-z0-9._-]/g, '') : '';
  return name && !name.startsWith('.') ? name : 'stepwork-export.json';
}

/**
 * One Idempotency-Key for one thing being created (API 1.1, "Safe retries"): `run(work)`
 * calls `work(key)`; the key stays for the next try while a try got no answer (the network, a
 * server error, the first try still being processed), and a new one is made once the server
 * has answered, so a repeated try never creates the thing twice.
 */
export function retryKey(random = () => crypto.randomUUID()) {
  let key = null;
  return {
    async run(work) {
      key ||= random();
      try {
        const result = await work(key);
        key = null;
        return result;
      } catch (error) {
        const unanswered = error.status === 0 || error.status >= 500 || error.code === 'idempotency_key_in_use';
        if (!unanswered) key = null;
        throw error;
      }
    },
  };
}

/** The API client over `fetchImpl` (the browser's `fetch` by default). */
export function createApi(fetchImpl = (...args) => fetch(...args)) {
  let onSignedOut = () => {};

  async function request(method, path, { body, ifMatch, key, raw = false } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (key) headers['Idempotency-Key'] = key;
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    let response;
    try {
      response = await fetchImpl(path, {
        method, headers, credentials: 'same-origin', cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0);
    }
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (raw && response.ok) return { response };
    if (response.status !== 204 && type.includes('json')) {
      try { data = await response.json(); } catch { data = null; }
    }
    if (!response.ok) {
      const retry = Number(response.headers.get('Retry-After'));
      const error = new ApiError(response.status, data || {}, Number.isFinite(retry) && retry > 0 ? retry : null);
      // Signing in and out answer for themselves; anywhere else a 401 means the session ended.
      if (error.code === 'unauthenticated' && !path.startsWith('/v1/auth/')) onSignedOut(error);
      throw error;
    }
    return { data, etag: response.headers.get('ETag') };
  }

  const get = async (path) => (await request('GET', path)).data;
  const send = async (method, path, body, key) => (await request(method, path, { body, key })).data;

  /** Every item of a keyset-paged list, following `nextCursor` (at most `pages` pages). */
  async function all(path, params = {}, pages = 20) {
    const items = [];
    let cursor = null;
    for (let page = 0; page < pages; page += 1) {
      const data = await get(path + query({ ...params, limit: 100, cursor }));
      items.push(...data.items);
      cursor = data.nextCursor;
      if (!cursor) break;
    }
    return items;
  }

  return {
    /** Called with the error when the server says the session is gone. */
    set onSignedOut(handler) { onSignedOut = handler; },

    me: () => get('/v1/me'),
    register: ({ email, password, displayName }) =>
      send('POST', '/v1/auth/register', { email, password, displayName, session: 'cookie' }),
    login: ({ email, password }) => send('POST', '/v1/auth/login', { email, password, session: 'cookie' }),
    logout: () => send('POST', '/v1/auth/logout'),
    updateMe: (patch) => send('PATCH', '/v1/me', patch),
    changePassword: (currentPassword, newPassword) => send('POST', '/v1/me/password', { currentPassword, newPassword }),
    sessions: async () => (await get('/v1/me/sessions')).items,
    endSession: (id) => send('DELETE', `/v1/me/sessions/${encodeURIComponent(id)}`),

    createInvite: (role) => send('POST', '/v1/invites', { role }),
    acceptInvite: (code) => send('POST', '/v1/invites/accept', { code }),
    sponsorships: async () => (await get('/v1/sponsorships')).items,
    endSponsorship: (id) => send('DELETE', `/v1/sponsorships/${encodeURIComponent(id)}`),

    entries: (params = {}) => all('/v1/entries', params),
    entriesPage: (params = {}) => get('/v1/entries' + query(params)),
    /** The entry and the version its `ETag` names. */
    entry: async (id) => {
      const { data, etag } = await request('GET', `/v1/entries/${encodeURIComponent(id)}`);
      return { ...data, version: versionFromETag(etag) ?? data.version };
    },
    /** `key`: an Idempotency-Key (see `retryKey`), so a try repeated after no answer creates one entry. */
    createEntry: (entry, key) => send('POST', '/v1/entries', entry, key),
    updateEntry: async (id, version, patch) =>
      (await request('PATCH', `/v1/entries/${encodeURIComponent(id)}`, { body: patch, ifMatch: version })).data,
    deleteEntry: (id) => send('DELETE', `/v1/entries/${encodeURIComponent(id)}`),
    shared: (params = {}) => all('/v1/shared', params),
    amendSummary: () => get('/v1/amends/summary'),

    shares: async (entryId) => (await get(`/v1/entries/${encodeURIComponent(entryId)}/shares`)).items,
    share: (entryId, sponsorshipId, access) =>
      send('PUT', `/v1/entries/${encodeURIComponent(entryId)}/shares/${encodeURIComponent(sponsorshipId)}`, { access }),
    unshare: (entryId, sponsorshipId) =>
      send('DELETE', `/v1/entries/${encodeURIComponent(entryId)}/shares/${encodeURIComponent(sponsorshipId)}`),

    comments: (entryId) => all(`/v1/entries/${encodeURIComponent(entryId)}/comments`),
    addComment: (entryId, body, parentId, key) =>
      send('POST', `/v1/entries/${encodeURIComponent(entryId)}/comments`, parentId ? { body, parentId } : { body }, key),
    editComment: (id, body) => send('PATCH', `/v1/comments/${encodeURIComponent(id)}`, { body }),
    deleteComment: (id) => send('DELETE', `/v1/comments/${encodeURIComponent(id)}`),

    reviews: async (entryId) => (await get(`/v1/entries/${encodeURIComponent(entryId)}/reviews`)).items,
    requestReview: (entryId, sponsorshipId) =>
      send('POST', `/v1/entries/${encodeURIComponent(entryId)}/reviews`, { sponsorshipId }),
    withdrawReview: (id) => send('DELETE', `/v1/reviews/${encodeURIComponent(id)}`),
    /** Reviews the caller was asked for: `state` is 'open', 'decided' or 'all'. */
    reviewsForMe: (state = 'open') => all('/v1/reviews', { state }),
    decide: (id, verdict, note) =>
      send('PUT', `/v1/reviews/${encodeURIComponent(id)}/verdict`, note ? { verdict, note } : { verdict }),

    entryReads: (entryId, params = {}) => get(`/v1/entries/${encodeURIComponent(entryId)}/access-log` + query(params)),
    myReads: (params = {}) => get('/v1/me/access-log' + query(params)),
    /** The account's data as a file: `{ blob, filename }`. */
    exportData: async (password) => {
      const { response } = await request('POST', '/v1/me/export', { body: { password }, raw: true });
      return { blob: await response.blob(), filename: filenameFrom(response.headers.get('Content-Disposition')) };
    },
    lockdown: (endSponsorships, endOtherSessions) => send('POST', '/v1/me/lockdown', { endSponsorships, endOtherSessions }),
    deleteAccount: (password) => send('DELETE', '/v1/me', { password }),

    activity: (params = {}) => get('/v1/activity' + query(params)),
    markSeen: (upTo) => send('POST', '/v1/activity/seen', { upTo }),
  };
}
