// Sponsorships and invites: connect with a sponsor or sponsee, and end a sponsorship.
import { h, replace, field, say, busy, showFieldErrors } from '../dom.js';
import { describe } from '../errors.js';
import { longDate, codeGroups } from '../format.js';
import { confirmButton, section } from './common.js';

function inviteForm(ctx) {
  const status = h('div', { class: 'form-status' });
  const result = h('div', { class: 'invite-result' });
  const form = h('form', { class: 'card' },
    h('fieldset', { class: 'field radios' },
      h('legend', { text: 'In this sponsorship, I will be the' }),
      h('div', { class: 'radio' }, h('input', { type: 'radio', id: 'role-sponsee', name: 'role', value: 'sponsee', checked: true }),
        h('label', { for: 'role-sponsee', text: 'Sponsee (I’m inviting my sponsor)' })),
      h('div', { class: 'radio' }, h('input', { type: 'radio', id: 'role-sponsor', name: 'role', value: 'sponsor' }),
        h('label', { for: 'role-sponsor', text: 'Sponsor (I’m inviting my sponsee)' }))),
    status,
    h('button', { type: 'submit', class: 'primary', text: 'Create a code' }),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(form, async () => {
      try {
        const invite = await ctx.api.createInvite(new FormData(form).get('role'));
        const code = h('p', { class: 'code', 'aria-label': `Code: ${codeGroups(invite.code).join(', ')}` },
          codeGroups(invite.code).map((group) => h('span', { text: group })));
        const copy = h('button', { type: 'button', text: 'Copy the code' });
        const copied = h('span', { class: 'meta', role: 'status' });
        copy.addEventListener('click', async () => {
          try {
            await navigator.clipboard.writeText(invite.code);
            copied.textContent = ' Copied.';
          } catch {
            copied.textContent = ' Copying isn’t possible here — please write the code down.';
          }
        });
        const heading = h('h3', { tabindex: '-1', text: 'Your code' });
        replace(result, heading,
          h('p', { text: 'Read it aloud or send it to the other person. It works once, until ' + longDate(invite.expiresAt) + '.' }),
          code, h('p', {}, copy, copied),
          h('p', { class: 'meta', text: 'It will not be shown again.' }));
        say(status, null);
        heading.focus();
      } catch (error) {
        say(status, describe(error), 'error');
      }
    });
  });
  return form;
}

function acceptForm(ctx) {
  const status = h('div', { class: 'form-status' });
  const form = h('form', { class: 'card', novalidate: true }, status,
    field({ name: 'code', label: 'Code', hint: 'Like K7QM-2XWD-9HTB. Capitals and dashes don’t matter.', required: true, attrs: { autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' } }),
    h('button', { type: 'submit', class: 'primary', text: 'Connect' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = String(new FormData(form).get('code') || '').trim();
    if (!code) {
      showFieldErrors(form, { code: 'Enter the code you were given.' })?.focus();
      return;
    }
    await busy(form, async () => {
      try {
        const sponsorship = await ctx.api.acceptInvite(code);
        const other = sponsorship.sponsor.id === ctx.state.user.id ? sponsorship.sponsee : sponsorship.sponsor;
        ctx.announce(`You’re now connected with ${other.displayName}.`);
        ctx.navigate('#/people?connected=1');
      } catch (error) {
        say(status, describe(error), 'error');
        form.querySelector('input').focus();
      }
    });
  });
  return form;
}

export async function people(ctx, _params, query) {
  const { api, state } = ctx;
  const sponsorships = await api.sponsorships();
  const active = sponsorships.filter((s) => s.status === 'active');
  const ended = sponsorships.filter((s) => s.status !== 'active');
  const status = h('div', { class: 'form-status' });
  if (query.connected) say(status, 'You’re connected. Welcome.', 'ok');

  const row = (s) => {
    const iAmSponsor = s.sponsor.id === state.user.id;
    const other = iAmSponsor ? s.sponsee : s.sponsor;
    const description = iAmSponsor ? `You sponsor ${other.displayName}` : `${other.displayName} is your sponsor`;
    return h('li', { class: 'person' },
      h('p', {}, h('strong', { text: description }),
        h('span', { class: 'meta', text: s.status === 'active' ? ` · since ${longDate(s.startedAt)}` : ` · ended ${longDate(s.endedAt)}` })),
      s.status === 'active' ? confirmButton({
        text: 'End this sponsorship',
        question: `End the sponsorship with ${other.displayName}? ${iAmSponsor ? 'You will no longer see what they shared.' : 'They will no longer see anything you shared.'} This can’t be undone; a new invite would start a new one.`,
        confirm: 'End it',
        action: async () => {
          try {
            await api.endSponsorship(s.id);
            ctx.announce(`The sponsorship with ${other.displayName} has ended.`);
            ctx.navigate('#/people');
          } catch (error) {
            say(status, describe(error), 'error');
          }
        },
      }) : null);
  };

  ctx.show('Sponsorships', status,
    section('current-heading', 'Your connections',
      active.length ? h('ul', { class: 'people' }, active.map(row)) : h('p', { class: 'meta', text: 'No sponsor or sponsee yet.' })),
    section('invite-heading', 'Invite someone', h('p', { text: 'Create a one-time code and give it to your sponsor or sponsee.' }), inviteForm(ctx)),
    section('accept-heading', 'Enter a code', h('p', { text: 'Were you given a code? Enter it here to connect.' }), acceptForm(ctx)),
    ended.length ? section('ended-heading', 'Ended', h('ul', { class: 'people' }, ended.map(row))) : null);
}
