// What happened that concerns the person: the feed, newest first; opening it marks it seen.
import { h } from '../dom.js';
import { when } from '../format.js';
import { describeActivity, activityTarget } from '../activity.js';
import { link } from '../router.js';

export async function activityPage(ctx) {
  const { api, state } = ctx;
  const sponsoring = (await api.sponsorships()).some((s) => s.status === 'active' && s.sponsor.id === state.user.id);
  const [data, own, shared] = await Promise.all([
    api.activity({ limit: 50 }), api.entries(), sponsoring ? api.shared() : [],
  ]);
  const titles = new Map([...own, ...shared].map((entry) => [entry.id, entry.title]));
  const unread = data.unread || 0;
  ctx.show('What’s new',
    data.items.length
      ? h('ol', { class: 'activity' }, data.items.map((item, index) => {
        const target = activityTarget(item);
        const fresh = index < unread;
        return h('li', { class: fresh ? 'activity-item new' : 'activity-item' },
          fresh ? h('span', { class: 'badge', text: 'New' }) : null,
          h(target ? 'a' : 'span', { href: target ? link(...target) : null, text: describeActivity(item, titles.get(item.entryId)) }),
          h('span', { class: 'meta', text: ` · ${when(item.at)}` }));
      }))
      : h('p', { class: 'meta', text: 'Nothing has happened yet. When your sponsor or sponsee shares, writes or answers, it shows here.' }));
  if (data.items.length && unread) {
    await api.markSeen(data.items[0].id).catch(() => {});
    ctx.live.unreadChanged();
  }
}
