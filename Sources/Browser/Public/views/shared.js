// For a sponsor: what each sponsee shared, and the amends waiting for their word.
import { h } from '../dom.js';
import { link } from '../router.js';
import { when } from '../format.js';
import { entryItem } from './home.js';

export async function sharedWithMe(ctx) {
  const { api, state } = ctx;
  const sponsorships = (await api.sponsorships())
    .filter((s) => s.status === 'active' && s.sponsor.id === state.user.id);
  if (!sponsorships.length) {
    ctx.show('Shared with me',
      h('p', { text: 'When you sponsor someone, what they choose to share with you appears here.' }),
      h('p', {}, h('a', { href: link('people'), text: 'Invite a sponsee or enter their code' })));
    return;
  }
  const [open, ...lists] = await Promise.all([
    api.reviewsForMe('open').catch(() => []),
    ...sponsorships.map((s) => api.shared({ sponseeId: s.sponsee.id })),
  ]);
  ctx.show('Shared with me', sponsorships.map((sponsorship, index) => {
    const id = `sponsee-${sponsorship.id}`;
    const entries = lists[index];
    const titles = new Map(entries.map((entry) => [entry.id, entry.title]));
    const waiting = open.filter((review) => review.sponsorshipId === sponsorship.id);
    return h('section', { class: 'section', 'aria-labelledby': id },
      h('h2', { id, text: `From ${sponsorship.sponsee.displayName}` }),
      waiting.length ? h('div', { class: 'waiting' },
        h('h3', { text: `Waiting for your word (${waiting.length})` }),
        h('ul', { class: 'entries' }, waiting.map((review) => h('li', { class: 'entry-item' },
          h('a', { class: 'entry-link', href: link('entry', { id: review.entryId }) },
            h('span', { class: 'entry-title', text: titles.get(review.entryId) || 'An amend' }),
            h('span', { class: 'meta', text: `asked ${when(review.requestedAt)}` })))))) : null,
      waiting.length ? h('h3', { text: 'Everything shared' }) : null,
      entries.length
        ? h('ul', { class: 'entries' }, entries.map((entry) => entryItem(entry)))
        : h('p', { class: 'meta', text: 'Nothing shared with you yet.' }));
  }));
}
