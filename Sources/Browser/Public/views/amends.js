// The Step 8 list: every amend, grouped by where it stands.
import { h } from '../dom.js';
import { statuses, methods, label, choices, longDate, count, amendFlags } from '../format.js';
import { link } from '../router.js';

export async function amendList(ctx) {
  const [amends, step9] = await Promise.all([ctx.api.entries({ kind: 'amend' }), ctx.hasStep9()]);
  const summary = step9 ? await ctx.api.amendSummary().catch(() => null) : null;
  const needs = summary ? [
    summary.awaitingReview ? `${count(summary.awaitingReview, 'amend')} waiting for your sponsor’s word` : null,
    summary.revisitDue ? `${count(summary.revisitDue, 'amend')} to look at again` : null,
    summary.riskUnconsidered ? `${count(summary.riskUnconsidered, 'amend')} where you haven’t yet asked if it could hurt anyone` : null,
  ].filter(Boolean) : [];
  const groups = choices(statuses, step9).map(([status, text]) =>
    [status, text, amends.filter((entry) => (entry.fields.status || 'planned') === status)]);
  const known = new Set(groups.map(([status]) => status));
  const others = amends.filter((entry) => !known.has(entry.fields.status || 'planned'));
  if (others.length) groups.push(['other', 'Other', others]);

  ctx.show('Step 8 list',
    h('p', { class: 'lead', text: 'Everyone you have harmed, and where each amend stands.' }),
    h('blockquote', { class: 'step' }, h('p', { text: '“Made a list of all persons we had harmed, and became willing to make amends to them all.”' })),
    h('p', {}, h('a', { class: 'button primary', href: link('newEntry', { kind: 'amend' }), text: 'Add a person' })),
    amends.length ? null : h('p', { class: 'meta', text: 'Your list is empty. Add a person when you are ready.' }),
    needs.length ? h('div', { class: 'notice info', role: 'note' }, h('p', { class: 'needs-title', text: 'Needs a look' }),
      h('ul', {}, needs.map((text) => h('li', { text })))) : null,
    h('div', { class: 'board' }, groups.filter(([, , items]) => items.length).map(([status, text, items]) =>
      h('section', { class: 'column', 'aria-labelledby': `status-${status}` },
        h('h2', { id: `status-${status}` }, text, h('span', { class: 'count', text: ` (${items.length})` })),
        h('ul', { class: 'entries' }, items.map((entry) => h('li', { class: 'entry-item' },
          h('a', { class: 'entry-link', href: link('entry', { id: entry.id }) },
            h('span', { class: 'entry-title', text: entry.fields.person || entry.title }),
            h('span', { class: 'meta', text: [
              entry.fields.relationship, entry.title !== entry.fields.person ? entry.title : null,
              entry.fields.method ? label(methods, entry.fields.method) : null,
              entry.fields.madeOn ? `made ${longDate(entry.fields.madeOn)}` : null,
              entry.fields.revisitOn && status !== 'made' ? `look again ${longDate(entry.fields.revisitOn)}` : null,
            ].filter(Boolean).join(' · ') }),
            step9 ? amendFlags(entry.fields).map((text) => h('span', { class: 'badge warn', text })) : null))))))),
    amends.length ? h('p', { class: 'meta', text: `${count(amends.length, 'person', 'people')} on your list.` }) : null);
}
