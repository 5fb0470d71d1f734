// For a sponsor: what each sponsee shared.
import { h } from '../dom.js';
import { link } from '../router.js';
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
  const lists = await Promise.all(sponsorships.map((s) => api.shared({ sponseeId: s.sponsee.id })));
  ctx.show('Shared with me', sponsorships.map((sponsorship, index) => {
    const id = `sponsee-${sponsorship.id}`;
    const entries = lists[index];
    return h('section', { class: 'section', 'aria-labelledby': id },
      h('h2', { id, text: `From ${sponsorship.sponsee.displayName}` }),
      entries.length
        ? h('ul', { class: 'entries' }, entries.map((entry) => entryItem(entry)))
        : h('p', { class: 'meta', text: 'Nothing shared with you yet.' }));
  }));
}
