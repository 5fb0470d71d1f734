// Signing in and registering.
import { h, field, notice } from '../dom.js';
import { link } from '../router.js';
import { handleSubmit } from './common.js';

const labels = { email: 'Email', password: 'Password', displayName: 'Your name' };

function authForm(ctx, { fields, submit, action, intro, other }) {
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'card narrow', novalidate: true }, status, fields, h('button', { type: 'submit', class: 'primary', text: submit }));
  handleSubmit(form, status, {
    labels,
    check: (values) => {
      const missing = {};
      for (const [name, text] of Object.entries(labels)) {
        if (name in values && !String(values[name]).trim()) missing[name] = `${text} is needed.`;
      }
      return missing;
    },
    run: async (values) => ctx.signedIn((await action(values)).user),
  });
  return [h('p', { class: 'lead', text: intro }), form, h('p', { class: 'switch' }, other)];
}

export async function signIn(ctx) {
  const farewell = ctx.state.farewell;
  ctx.state.farewell = null;
  ctx.show('Sign in', farewell ? notice(farewell, 'ok') : null, ...authForm(ctx, {
    intro: 'Welcome back. Your work stays private until you choose to share it.',
    fields: [
      field({ name: 'email', label: 'Email', type: 'email', required: true, attrs: { autocomplete: 'username' } }),
      field({ name: 'password', label: 'Password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    ],
    submit: 'Sign in',
    action: (values) => ctx.api.login(values),
    other: ['New here? ', h('a', { href: link('register'), text: 'Create an account' })],
  }));
}

export async function register(ctx) {
  ctx.show('Create your account', ...authForm(ctx, {
    intro: 'Stepwork is a private place for your step work, shared with your sponsor only when you decide.',
    fields: [
      field({ name: 'displayName', label: 'Your name', required: true, hint: 'How your sponsor or sponsee will see you. A first name is enough.', attrs: { autocomplete: 'nickname', maxlength: 80 } }),
      field({ name: 'email', label: 'Email', type: 'email', required: true, attrs: { autocomplete: 'email' } }),
      field({ name: 'password', label: 'Password', type: 'password', required: true, hint: 'At least 12 characters. A few words you’ll remember work well.', attrs: { autocomplete: 'new-password', minlength: 12 } }),
    ],
    submit: 'Create account',
    action: (values) => ctx.api.register(values),
    other: ['Already have an account? ', h('a', { href: link('signIn'), text: 'Sign in' })],
  }));
}
