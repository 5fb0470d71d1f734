// Hash routes: `#/entries/<id>` and friends, so the server only ever serves `/`.

/** Every screen: a name and a path pattern (`:name` segments are parameters). */
export const routes = [
  ['home', '/'],
  ['signIn', '/sign-in'],
  ['register', '/register'],
  ['entries', '/entries'],
  ['newEntry', '/entries/new/:kind'],
  ['entry', '/entries/:id'],
  ['editEntry', '/entries/:id/edit'],
  ['entryReads', '/entries/:id/reads'],
  ['amends', '/amends'],
  ['shared', '/shared'],
  ['people', '/people'],
  ['account', '/account'],
  ['activity', '/activity'],
  ['reads', '/account/reads'],
  ['exportData', '/account/export'],
  ['lockdown', '/account/lockdown'],
  ['deleteAccount', '/account/delete'],
];

/** Screens that a signed-out person may see. */
export const publicRoutes = new Set(['signIn', 'register']);

/** The route a hash names: `{ name, params, query }`; `name` is 'notFound' when none fits. */
export function parse(hash) {
  const raw = String(hash || '').replace(/^#/, '') || '/';
  const [pathPart, queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean);
  const query = Object.fromEntries(new URLSearchParams(queryPart));
  for (const [name, pattern] of routes) {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params = {};
    let fits = true;
    for (let i = 0; i < parts.length && fits; i += 1) {
      if (parts[i].startsWith(':')) {
        try { params[parts[i].slice(1)] = decodeURIComponent(segments[i]); } catch { fits = false; }
      } else if (parts[i] !== segments[i]) fits = false;
    }
    if (fits) return { name, params, query };
  }
  return { name: 'notFound', params: {}, query };
}

/** The hash of a route: `link('entry', { id })` → `#/entries/<id>`. */
export function link(name, params = {}, query = {}) {
  const pattern = routes.find(([n]) => n === name)?.[1];
  if (!pattern) throw new Error(`unknown route ${name}`);
  const path = pattern.replace(/:([a-z]+)/gi, (_, key) => encodeURIComponent(params[key] ?? ''));
  const search = new URLSearchParams(query).toString();
  return `#${path}${search ? `?${search}` : ''}`;
}
