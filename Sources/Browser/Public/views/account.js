// The account: name, sobriety date, password, where you are signed in, your data, signing out.
import { h, replace, field, say } from '../dom.js';
import { describe } from '../errors.js';
import { today, when } from '../format.js';
import { link } from '../router.js';
import { confirmButton, section, handleSubmit } from './common.js';

/** A form that validates, calls `action` with its values, and shows the outcome. */
function accountForm({ fields, submit, labels, check = () => ({}), action, context }) {
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'card', novalidate: true }, status, fields, h('button', { type: 'submit', class: 'primary', text: submit }));
  handleSubmit(form, status, {
    check, labels, context, run: async (values) => say(status, await action(values, form), 'ok'),
  });
  return form;
}

function describeBrowser(userAgent) {
  const ua = userAgent || '';
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari' : /curl\//.test(ua) ? 'A script' : null;
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iPhone or iPad' : /Mac OS X/.test(ua) ? 'Mac'
    : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser || system || 'An app or browser';
}

async function sessionsList(ctx) {
  const list = h('ul', { class: 'sessions' });
  const status = h('div', { class: 'form-status' });
  const wrapper = h('div', {}, status, list);
  async function draw() {
    const sessions = await ctx.api.sessions();
    replace(list, sessions.map((s) => h('li', { class: 'session' },
      h('p', {}, h('strong', { text: describeBrowser(s.userAgent) }), s.current ? h('span', { class: 'badge', text: 'This browser' }) : null),
      h('p', { class: 'meta', text: `Signed in ${when(s.createdAt)} · last used ${when(s.lastUsedAt)}` }),
      s.current ? null : confirmButton({
        text: 'Sign out there', question: 'Sign that browser or app out now?', confirm: 'Sign it out', tone: 'danger',
        action: async () => {
          try {
            await ctx.api.endSession(s.id);
            ctx.announce('That session has ended.');
            await draw();
            status.setAttribute('tabindex', '-1');
            say(status, 'That session has ended.', 'ok');
            status.focus();
          } catch (error) {
            say(status, describe(error), 'error');
          }
        },
      }))));
  }
  await draw();
  return wrapper;
}

export async function account(ctx) {
  const { api, state } = ctx;
  const user = state.user;
  const profile = accountForm({
    fields: [
      field({ name: 'displayName', label: 'Your name', value: user.displayName, required: true, attrs: { maxlength: 80, autocomplete: 'nickname' } }),
      field({ name: 'sobrietyDate', label: 'Sobriety date', type: 'date', value: user.sobrietyDate || '', hint: 'Your home page counts the days from it. Leave it empty if you prefer.', attrs: { max: today() } }),
    ],
    submit: 'Save',
    labels: { displayName: 'Your name', sobrietyDate: 'Sobriety date' },
    check: (v) => (v.displayName.trim() ? {} : { displayName: 'Your name is needed.' }),
    action: async (v) => {
      state.user = await api.updateMe({ displayName: v.displayName.trim(), sobrietyDate: v.sobrietyDate || null });
      return 'Saved.';
    },
  });
  const password = accountForm({
    fields: [
      field({ name: 'currentPassword', label: 'Current password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
      field({ name: 'newPassword', label: 'New password', type: 'password', required: true, hint: 'At least 12 characters. Every other place you are signed in will be signed out.', attrs: { autocomplete: 'new-password', minlength: 12 } }),
    ],
    submit: 'Change password',
    labels: { currentPassword: 'Current password', newPassword: 'New password' },
    context: { invalid_credentials: 'Your current password isn’t right.' },
    check: (v) => {
      const problems = {};
      if (!v.currentPassword) problems.currentPassword = 'Your current password is needed.';
      if (v.newPassword.length < 12) problems.newPassword = 'Use at least 12 characters.';
      return problems;
    },
    action: async (v, form) => {
      await api.changePassword(v.currentPassword, v.newPassword);
      form.reset();
      return 'Your password was changed. Other browsers and apps were signed out.';
    },
  });
  const signOut = h('button', { type: 'button', text: 'Sign out' });
  signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    try {
      await api.logout();
    } catch (error) {
      if (error.code !== 'unauthenticated') {
        signOut.disabled = false;
        ctx.announce(describe(error));
        return;
      }
    }
    ctx.signedOut();
  });
  ctx.show('Account',
    h('p', { class: 'meta', text: `Signed in as ${user.email}` }),
    section('profile-heading', 'About you', profile),
    section('password-heading', 'Password', password),
    section('sessions-heading', 'Where you’re signed in', await sessionsList(ctx)),
    section('privacy-heading', 'Your data and privacy', h('ul', { class: 'privacy-links' },
      h('li', {}, h('a', { href: link('reads'), text: 'Who read what' }), h('span', { class: 'meta', text: ' — when your sponsor opened what you shared' })),
      h('li', {}, h('a', { href: link('exportData'), text: 'Download your data' }), h('span', { class: 'meta', text: ' — everything, in one file' })),
      h('li', {}, h('a', { href: link('lockdown'), text: 'Close everything now' }), h('span', { class: 'meta', text: ' — take back every share at once' })),
      h('li', {}, h('a', { href: link('deleteAccount'), text: 'Delete your account' }), h('span', { class: 'meta', text: ' — and everything in it' })))),
    section('signout-heading', 'Sign out', h('p', { text: 'Sign out of Stepwork in this browser.' }), signOut));
}
