// Who read what: the access log of one entry, and of all of a person's entries.
import { h, replace, say, busy } from '../dom.js';
import { describe } from '../errors.js';
import { when, readSentence } from '../format.js';
import { link } from '../router.js';

/** A list of access-log items that grows by pages ("Show more") from `load(cursor)`. */
async function pagedList(load, sentence, empty) {
  const list = h('ul', { class: 'reads' });
  const more = h('div', { class: 'buttons' });
  const status = h('div', { class: 'form-status' });
  const wrapper = h('div', {}, status, list, more);
  async function page(cursor) {
    const data = await load(cursor);
    list.append(...data.items.map((item) => h('li', { class: 'read' },
      h('span', { text: sentence(item) }), h('span', { class: 'meta', text: ` · ${when(item.at)}` }))));
    if (!list.children.length) replace(list, h('li', { class: 'meta', text: empty }));
    const button = data.nextCursor ? h('button', { type: 'button', text: 'Show more' }) : null;
    button?.addEventListener('click', () => busy(wrapper, async () => {
      try {
        await page(data.nextCursor);
      } catch (error) {
        say(status, describe(error), 'error');
      }
    }));
    replace(more, button);
  }
  await page(null);
  return wrapper;
}

/**
 * On an entry's own page (its owner's): the latest reads, with a link to all of them.
 * Null when the server keeps no access log (an older server), so nothing shows.
 */
export async function readsSection(ctx, entry) {
  let data;
  try {
    data = await ctx.api.entryReads(entry.id, { limit: 3 });
  } catch {
    return null;
  }
  return h('section', { class: 'section', 'aria-labelledby': 'reads-heading' },
    h('h2', { id: 'reads-heading', text: 'Who has read this' }),
    data.items.length
      ? h('ul', { class: 'reads' }, data.items.map((item) => h('li', { class: 'read' },
        h('span', { text: readSentence(item) }), h('span', { class: 'meta', text: ` · ${when(item.at)}` }))))
      : h('p', { class: 'meta', text: 'Nobody else has read it.' }),
    data.items.length ? h('p', {}, h('a', { href: link('entryReads', { id: entry.id }), text: 'Everything about who read this' })) : null);
}

/** The whole access log of one entry. */
export async function entryReads(ctx, { id }) {
  const entry = await ctx.api.entry(id);
  if (entry.access !== 'owner') {
    ctx.show('Who has read this', h('p', { text: 'Only the person who wrote an entry can see who read it.' }));
    return;
  }
  const list = await pagedList((cursor) => ctx.api.entryReads(id, { limit: 50, cursor }), (item) => readSentence(item), 'Nobody else has read it.');
  ctx.show({ heading: `Who has read “${entry.title}”`, page: 'Who has read this' },
    h('p', { class: 'lead', text: 'Every time someone other than you opened it, its conversation or the requests for their word — newest first.' }),
    list,
    h('p', {}, h('a', { href: link('entry', { id }), text: 'Back to the entry' })));
}

/** Every read of any of the person's entries. */
export async function myReads(ctx) {
  const entries = await ctx.api.entries();
  const titles = new Map(entries.map((entry) => [entry.id, entry.title]));
  const list = await pagedList((cursor) => ctx.api.myReads({ limit: 50, cursor }),
    (item) => readSentence(item, titles.get(item.entryId) || 'an entry'), 'Nobody else has read anything of yours.');
  ctx.show('Who read what',
    h('p', { class: 'lead', text: 'When your sponsor opens something you shared, it shows here — newest first. Only you see this.' }),
    list,
    h('p', {}, h('a', { href: link('account'), text: 'Back to your account' })));
}
