// The shell: who is signed in, which screen the hash names, the header and focus.
import { createApi } from './api.js';
import { h, replace, notice, field } from './dom.js';
import { describe } from './errors.js';
import { parse, link, publicRoutes } from './router.js';
import { signIn, register } from './views/auth.js';
import { home } from './views/home.js';
import { entryList, entryPage, entryForm } from './views/entries.js';
import { amendList } from './views/amends.js';
import { sharedWithMe } from './views/shared.js';
import { people } from './views/people.js';
import { account } from './views/account.js';
import { handleSubmit } from './views/common.js';
import { activityPage } from './views/activity.js';
import { entryReads, myReads } from './views/reads.js';
import { createLive } from './live.js';
import { describeActivity, concerns } from './activity.js';

/** A screen of a module loaded only when first shown (pages seldom opened stay off the first load). */
const later = (name) => async (...args) => (await import('./views/privacy.js'))[name](...args);

const screens = {
  home, signIn, register, amends: amendList, shared: sharedWithMe, people, account,
  entries: entryList, entry: entryPage, newEntry: entryForm, editEntry: entryForm,
  activity: activityPage, reads: myReads, entryReads,
  exportData: later('exportPage'), lockdown: later('lockdownPage'), deleteAccount: later('deletePage'),
  notFound: (ctx) => ctx.show('Page not found',
    h('p', { text: 'There’s nothing at this address.' }),
    h('p', {}, h('a', { href: link('home'), text: 'Go to the home page' }))),
};

const api = createApi();
const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let renderCount = 0;

const state = {
  /** The signed-in person, or null. */
  user: null,
  /** Whether the server knows the Step 9 fields of API 1.1 (null until asked). */
  step9: null,
  /** Where a signed-out person was going, to go on after signing in. */
  returnTo: null,
  /** Whether a screen could not load because the session had ended (to load it after signing in again). */
  stalled: false,
  /** Activity the person hasn't seen yet (0 when the server has no activity feed). */
  unread: 0,
  /** Said once on the sign-in screen after the account was deleted. */
  farewell: null,
};

/** Screens that fetch again what they show when something happens (see activity.js `concerns`). */
const refreshing = new Set(['home', 'shared', 'activity', 'amends']);
/** What the screen on show does with a live event (an activity item, or null after a gap). */
let onLive = null;
let lastResync = 0;

const live = createLive({
  api,
  onActivity: (item) => {
    announce(describeActivity(item));
    if (onLive) onLive(item);
  },
  onUnread: (n) => {
    state.unread = n;
    if (state.user) renderNav(currentSection);
  },
  onResync: () => { if (onLive) onLive(null); },
});

/**
 * Coming back to Stepwork (another tab, another app), and once a minute while it is in view:
 * what is shown is fetched again, at most every few seconds. A share taken back sends no
 * event, so this is how an open page learns it.
 */
function resync() {
  if (!onLive || document.visibilityState === 'hidden' || Date.now() - lastResync < 3000) return;
  lastResync = Date.now();
  onLive(null);
}
window.addEventListener('focus', resync);
document.addEventListener('visibilitychange', resync);
setInterval(resync, 60_000);

/** Says `text` to screen readers without moving focus. */
function announce(text) {
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

function navigate(hash) {
  if (window.location.hash === hash) render();
  else window.location.hash = hash;
}

/** Whether the server has API 1.1's amend fields (asked once). */
async function hasStep9() {
  if (state.step9 === null) {
    try {
      await api.amendSummary();
      state.step9 = true;
    } catch {
      state.step9 = false;
    }
  }
  return state.step9;
}

let currentSection = 'home';

/** Draws the navigation with `section` (a route name) as the current page. */
function renderNav(section) {
  currentSection = section;
  document.getElementById('top').hidden = false;
  const nav = document.getElementById('nav');
  nav.parentElement.hidden = !state.user;
  const items = [
    ['home', 'Home'], ['entries', 'Entries'], ['amends', 'Step 8 list'], ['shared', 'Shared with me'],
    ['people', 'Sponsorships'], ['account', 'Account'],
  ];
  replace(nav, items.map(([name, text]) => {
    const unread = name === 'home' && state.unread
      ? [h('span', { class: 'nav-count', 'aria-hidden': 'true', text: String(state.unread) }),
        h('span', { class: 'visually-hidden', text: ` (${state.unread} new)` })]
      : null;
    return h('li', {}, h('a', { href: link(name), 'aria-current': section === name ? 'page' : null }, text, unread));
  }));
}

/** Draws the screen the hash names; `quiet` (a live refresh) keeps focus and scroll where they are. */
async function render({ quiet = false } = {}) {
  renderCount += 1;
  const ticket = renderCount;
  const route = parse(window.location.hash);
  if (!state.user && !publicRoutes.has(route.name)) {
    state.returnTo = route.name === 'notFound' ? null : window.location.hash;
    navigate(link('signIn'));
    return;
  }
  if (state.user && publicRoutes.has(route.name)) {
    navigate(link('home'));
    return;
  }
  renderNav({
    entry: 'entries', newEntry: 'entries', editEntry: 'entries', entryReads: 'entries', activity: 'home',
    reads: 'account', exportData: 'account', lockdown: 'account', deleteAccount: 'account',
  }[route.name] || route.name);
  onLive = refreshing.has(route.name)
    ? (item) => { if (!item || concerns(route, item)) render({ quiet: true }); }
    : null;
  const ctx = {
    api, state, route, navigate, announce, hasStep9,
    live,
    /**
     * What this screen does when something happens live (`handler(item)`; item null after a
     * gap or when the person comes back): replaces the default of drawing the screen again.
     */
    onLive: (handler) => { if (ticket === renderCount) onLive = handler; },
    /** Whether this screen is still the one on show (the person may have moved on). */
    current: () => ticket === renderCount,
    /** Marks `section` as the current page in the navigation (when a screen learns it late). */
    section: (name) => { if (ticket === renderCount) renderNav(name); },
    /**
     * Puts a screen up with `title` as its heading, and focuses the heading. `title` is also the
     * page title unless given as `{ heading, page }`: what a person wrote (an entry's title, their
     * name) stays out of the page title, which browsers keep in their history.
     */
    show(title, ...content) {
      if (ticket !== renderCount) return;
      const { heading: text, page } = typeof title === 'string' ? { heading: title, page: title } : title;
      const heading = h('h1', { tabindex: '-1', text });
      const hadFocus = main.contains(document.activeElement);
      replace(main, heading, ...content);
      document.title = `${page} · Stepwork`;
      if (!quiet) heading.focus({ preventScroll: false });
      else if (hadFocus) heading.focus({ preventScroll: true });
    },
    /** Signs the person in (after login or registration) and goes where they were going. */
    signedIn(user) {
      state.user = user;
      live.start();
      const next = state.returnTo || link('home');
      state.returnTo = null;
      navigate(next);
    },
    signedOut() {
      live.stop();
      state.user = null;
      state.step9 = null;
      state.unread = 0;
      navigate(link('signIn'));
    },
  };
  try {
    await screens[route.name](ctx, route.params, route.query);
  } catch (error) {
    if (ticket !== renderCount) return;
    if (quiet) return; // a live refresh that failed leaves the screen as it was
    if (error.code === 'unauthenticated') {
      state.stalled = true;
      return;
    }
    ctx.show('Something went wrong', notice(describe(error), 'error'),
      h('p', {}, h('a', { href: link('home'), text: 'Go to the home page' })));
  }
}

/**
 * The session ended under a screen (expired, or ended from another device): a dialog asks
 * for the password again and leaves the screen as it is, so nothing typed is lost.
 */
function askToSignInAgain() {
  if (!state.user || document.getElementById('reauth')) return;
  const returnFocus = document.activeElement;
  const status = h('div', { class: 'form-status' });
  const later = h('button', { type: 'button', text: 'Not now' });
  const form = h('form', { novalidate: true }, status,
    field({ name: 'email', label: 'Email', type: 'email', value: state.user.email, required: true, attrs: { autocomplete: 'username' } }),
    field({ name: 'password', label: 'Password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Sign in' }), later));
  const dialog = h('dialog', { id: 'reauth', class: 'dialog', 'aria-labelledby': 'reauth-heading' },
    h('h2', { id: 'reauth-heading', text: 'Please sign in again' }),
    h('p', { text: 'You’ve been signed out. What you typed is still here: sign in, then try again.' }),
    form);
  const close = () => {
    dialog.close();
    dialog.remove();
    if (returnFocus && returnFocus.isConnected) returnFocus.focus();
  };
  later.addEventListener('click', close);
  dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(); });
  handleSubmit(form, status, {
    labels: { email: 'Email', password: 'Password' },
    check: (values) => (values.password ? {} : { password: 'Password is needed.' }),
    run: async (values) => {
      const { user } = await api.login(values);
      const samePerson = user.id === state.user.id;
      state.user = user;
      live.stop();
      live.start();
      close();
      if (!samePerson) navigate(link('home'));
      else if (state.stalled) render();
      else announce('You’re signed in again. You can carry on.');
      state.stalled = false;
    },
  });
  document.body.append(dialog);
  dialog.showModal();
  form.querySelector('input[name=password]').focus();
}

api.onSignedOut = askToSignInAgain;

// A link to the screen already on show loads it afresh (no hashchange would fire).
document.addEventListener('click', (event) => {
  const anchor = event.target.closest && event.target.closest('a[href^="#/"]');
  if (anchor && anchor.getAttribute('href') === window.location.hash && !event.defaultPrevented) {
    event.preventDefault();
    render();
  }
});

document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  (main.querySelector('h1') || main).focus();
});

async function start() {
  try {
    state.user = await api.me();
  } catch (error) {
    state.user = null;
    if (error.code !== 'unauthenticated') {
      replace(main, h('h1', { tabindex: '-1', text: 'Stepwork' }), notice(describe(error), 'error'));
      return;
    }
  }
  window.addEventListener('hashchange', () => render());
  if (state.user) live.start();
  await render();
}

start();
