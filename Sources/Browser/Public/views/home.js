// Home: days sober, what needs attention, recent work.
import { h } from '../dom.js';
import { daysSober, count, longDate, kinds, label, when, excerpt } from '../format.js';
import { link } from '../router.js';

/** A list item linking to one entry. */
export function entryItem(entry, { showOwner = false } = {}) {
  return h('li', { class: 'entry-item' },
    h('a', { href: link('entry', { id: entry.id }), class: 'entry-link' },
      h('span', { class: 'entry-title', text: entry.title }),
      h('span', { class: 'meta', text: [
        label(kinds, entry.kind, 'Entry'),
        entry.step ? `Step ${entry.step}` : null,
        showOwner ? `from ${entry.owner.displayName}` : null,
        `updated ${when(entry.updatedAt)}`,
      ].filter(Boolean).join(' · ') }),
      entry.body ? h('span', { class: 'excerpt', text: excerpt(entry.body) }) : null));
}

export function writeLinks() {
  return h('ul', { class: 'actions-list' }, kinds.map(([kind, text]) =>
    h('li', {}, h('a', { class: 'button', href: link('newEntry', { kind }), text: `New ${text.toLowerCase()}` }))));
}

export async function home(ctx) {
  const { api, state } = ctx;
  const [recent, sponsorships, step9] = await Promise.all([
    api.entriesPage({ limit: 5 }), api.sponsorships(), ctx.hasStep9(),
  ]);
  const summary = step9 ? await api.amendSummary().catch(() => null) : null;
  const sponsees = sponsorships.filter((s) => s.status === 'active' && s.sponsor.id === state.user.id);
  const [shared, waiting] = sponsees.length
    ? await Promise.all([api.shared({}).catch(() => []), api.reviewsForMe('open').catch(() => [])])
    : [[], []];

  const days = daysSober(state.user.sobrietyDate);
  const sober = days === null
    ? h('section', { class: 'card days', 'aria-labelledby': 'days-heading' },
      h('h2', { id: 'days-heading', text: 'Your sobriety date' }),
      h('p', {}, 'Add your sobriety date to see your days counted here. ',
        h('a', { href: link('account'), text: 'Add it in your account' })))
    : h('section', { class: 'card days', 'aria-labelledby': 'days-heading' },
      h('h2', { id: 'days-heading', class: 'visually-hidden', text: 'Days sober' }),
      h('p', { class: 'days-count' }, h('strong', { text: days.toLocaleString('en') }), ` ${days === 1 ? 'day' : 'days'} sober`),
      h('p', { class: 'meta', text: `since ${longDate(state.user.sobrietyDate)}` }));

  const attention = [];
  if (state.unread) attention.push([`${count(state.unread, 'new thing')} since you last looked`, link('activity')]);
  if (summary) {
    if (summary.awaitingReview) attention.push([`${count(summary.awaitingReview, 'amend')} waiting for your sponsor’s word`, link('amends')]);
    if (summary.revisitDue) attention.push([`${count(summary.revisitDue, 'amend')} to look at again`, link('amends')]);
    if (summary.riskUnconsidered) attention.push([`${count(summary.riskUnconsidered, 'amend')} where you haven’t yet asked if it could hurt anyone`, link('amends')]);
  }
  for (const sponsorship of sponsees) {
    const asked = waiting.filter((review) => review.sponsorshipId === sponsorship.id).length;
    if (asked) attention.push([`${sponsorship.sponsee.displayName} is waiting for your word on ${count(asked, 'amend')}`, link('shared')]);
    const n = shared.filter((entry) => entry.owner.id === sponsorship.sponsee.id).length;
    if (n) attention.push([`${sponsorship.sponsee.displayName} shares ${count(n, 'entry', 'entries')} with you`, link('shared')]);
  }
  if (!sponsorships.some((s) => s.status === 'active')) {
    attention.push(['You’re not connected with a sponsor or sponsee yet — invite one', link('people')]);
  }

  ctx.show({ heading: `Hello, ${state.user.displayName}`, page: 'Home' },
    sober,
    h('section', { 'aria-labelledby': 'attention-heading' },
      h('h2', { id: 'attention-heading', text: 'Needs your attention' }),
      attention.length
        ? h('ul', { class: 'attention' }, attention.map(([text, href]) => h('li', {}, h('a', { href, text }))))
        : h('p', { class: 'meta', text: 'Nothing is waiting for you. One day at a time.' }),
      ctx.live.available ? h('p', {}, h('a', { href: link('activity'), text: 'Everything that happened lately' })) : null),
    h('section', { 'aria-labelledby': 'write-heading' },
      h('h2', { id: 'write-heading', text: 'Write' }),
      writeLinks()),
    h('section', { 'aria-labelledby': 'recent-heading' },
      h('h2', { id: 'recent-heading', text: 'Recent entries' }),
      recent.items.length
        ? h('ul', { class: 'entries' }, recent.items.map((entry) => entryItem(entry)))
        : h('p', { class: 'meta', text: 'Nothing written yet. Everything you write stays private until you share it.' }),
      recent.items.length ? h('p', {}, h('a', { href: link('entries'), text: 'All entries' })) : null));
}
