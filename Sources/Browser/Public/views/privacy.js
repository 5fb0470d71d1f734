// The account's own data: download it, close everything at once, delete it. Loaded on demand.
import { h, replace, field, say, busy, showFieldErrors } from '../dom.js';
import { describe } from '../errors.js';
import { lockdownSentences } from '../format.js';
import { link } from '../router.js';

const passwordErrors = { invalid_credentials: 'That password isn’t right.' };

/** A password field, with the form's status slot above it. */
function passwordForm(submit, { tone = 'primary', hint } = {}) {
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'card narrow', novalidate: true }, status,
    field({ name: 'password', label: 'Your password', type: 'password', required: true, hint, attrs: { autocomplete: 'current-password' } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: tone, text: submit })));
  const password = () => String(new FormData(form).get('password') || '');
  const missing = () => {
    if (password()) return false;
    say(status, 'Your password is needed.', 'error');
    showFieldErrors(form, { password: 'Your password is needed.' })?.focus();
    return true;
  };
  return { form, status, password, missing };
}

/**
 * Asks before a form's destructive submit: `slot` (holding the form's `start` button) shows
 * the question with a confirming and a cancelling button; `action(back)` runs with the form
 * busy, `back()` puts the start button back. Focus follows the question.
 */
function askFirst(form, slot, start, { question, confirm, cancel = 'Cancel', action }) {
  const yes = h('button', { type: 'button', class: 'danger', text: confirm });
  const no = h('button', { type: 'button', text: cancel });
  const prompt = h('p', { class: 'confirm-question', tabindex: '-1', text: question });
  const back = () => { replace(slot, start); start.focus(); };
  no.addEventListener('click', back);
  yes.addEventListener('click', () => busy(form, () => action(back)));
  replace(slot, h('div', { class: 'confirm-box', role: 'group', 'aria-label': 'Confirm' }, prompt, h('div', { class: 'buttons' }, yes, no)));
  prompt.focus();
}

export async function exportPage(ctx) {
  const { form, status, password, missing } = passwordForm('Download my data', {
    hint: 'Asked again because the file holds everything you wrote.',
  });
  const result = h('div', { class: 'download-result' });
  let url = null;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (missing()) return;
    showFieldErrors(form, {});
    say(status, null);
    await busy(form, async () => {
      try {
        const { blob, filename } = await ctx.api.exportData(password());
        if (url) URL.revokeObjectURL(url);
        url = URL.createObjectURL(blob);
        form.reset();
        const save = h('a', { class: 'button primary', href: url, download: filename, text: `Save ${filename}` });
        const heading = h('h2', { tabindex: '-1', text: 'Your file is ready' });
        replace(result, heading,
          h('p', { text: `It is downloading now (${Math.max(1, Math.round(blob.size / 1024))} KB). If it didn’t, save it here:` }),
          h('p', {}, save),
          h('p', { class: 'meta', text: 'Keep it somewhere private: it holds everything you wrote, in plain text.' }));
        heading.focus();
        save.click();
      } catch (error) {
        say(status, describe(error, passwordErrors), 'error');
        form.querySelector('input').focus();
      }
    });
  });
  ctx.show('Download your data',
    h('p', { class: 'lead', text: 'One file with everything you wrote and everything about your account: entries, what you shared and with whom, conversations, your sponsor’s answers, and who read what.' }),
    h('p', { text: 'It is a JSON file: other apps can read it, and you can open it in any text editor.' }),
    form, result,
    h('p', {}, h('a', { href: link('account'), text: 'Back to your account' })));
}

export async function lockdownPage(ctx) {
  const status = h('div', { class: 'form-status' });
  const result = h('div', { class: 'lockdown-result' });
  const checkbox = (name, text, hint) => h('div', { class: 'check' },
    h('input', { type: 'checkbox', id: `lockdown-${name}`, name, 'aria-describedby': `lockdown-${name}-hint` }),
    h('div', {}, h('label', { for: `lockdown-${name}`, text }), h('p', { class: 'hint', id: `lockdown-${name}-hint`, text: hint })));
  const start = h('button', { type: 'submit', class: 'danger', text: 'Close everything now' });
  const form = h('form', { class: 'card' }, status,
    h('fieldset', { class: 'field' }, h('legend', { text: 'Also, if you want' }),
      checkbox('endSponsorships', 'End my sponsorships', 'You and your sponsor or sponsees will no longer be connected. A new invite would connect you again.'),
      checkbox('endOtherSessions', 'Sign me out everywhere else', 'Every other phone, computer or app signed in as you is signed out. This browser stays signed in.')),
    h('div', { class: 'buttons confirm-slot' }, start));
  const slot = form.querySelector('.confirm-slot');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const options = { endSponsorships: data.has('endSponsorships'), endOtherSessions: data.has('endOtherSessions') };
    askFirst(form, slot, start, {
      question: [
        'Take back every share now',
        options.endSponsorships ? ', end your sponsorships' : '',
        options.endOtherSessions ? ', and sign out everywhere else' : '',
        '?',
      ].join(''),
      confirm: 'Yes, close everything',
      action: async (back) => {
        try {
          const answer = await ctx.api.lockdown(options.endSponsorships, options.endOtherSessions);
          const heading = h('h2', { tabindex: '-1', text: 'Done. Everything is closed.' });
          replace(result, heading, h('ul', {}, lockdownSentences(answer).map((text) => h('li', { text }))),
            h('p', { text: 'You can share entries again, one by one, whenever you choose.' }));
          form.remove();
          heading.focus();
        } catch (error) {
          say(status, describe(error), 'error');
          back();
        }
      },
    });
  });
  ctx.show('Close everything now',
    h('p', { class: 'lead', text: 'For a moment when you need everything private at once: every entry you shared becomes yours alone again, in one step.' }),
    h('p', { text: 'Nothing is deleted. Your entries, conversations and your sponsor’s answers stay; only you can see them.' }),
    form, result,
    h('p', {}, h('a', { href: link('account'), text: 'Back to your account' })));
}

export async function deletePage(ctx) {
  const { form, status, password, missing } = passwordForm('Delete my account', { tone: 'danger' });
  const slot = form.querySelector('.buttons');
  const start = slot.querySelector('button');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (missing()) return;
    showFieldErrors(form, {});
    say(status, null);
    askFirst(form, slot, start, {
      question: 'Delete your account and everything you wrote, for good? This can’t be undone.',
      confirm: 'Yes, delete everything',
      cancel: 'Keep my account',
      action: async (back) => {
        try {
          await ctx.api.deleteAccount(password());
          ctx.state.farewell = 'Your account and everything in it were deleted. Take care of yourself.';
          ctx.signedOut();
        } catch (error) {
          say(status, describe(error, passwordErrors), 'error');
          back();
          form.querySelector('input').focus();
        }
      },
    });
  });
  ctx.show('Delete your account',
    h('p', { class: 'lead', text: 'Take your time. This removes your account and everything in it.' }),
    h('ul', { class: 'plain-list' },
      h('li', { text: 'Your entries, with their conversations, shares and your sponsor’s answers, are deleted.' }),
      h('li', { text: 'Your sponsorships end. What you wrote on other people’s entries stays, without your name.' }),
      h('li', { text: 'You can register again with the same email later, starting fresh.' })),
    h('p', {}, 'You may want to ', h('a', { href: link('exportData'), text: 'download your data' }), ' first.'),
    form,
    h('p', {}, h('a', { href: link('account'), text: 'Back to your account' })));
}
