// Sharing one entry with a sponsor, from the entry itself.
import { h, replace, say, busy } from '../dom.js';
import { describe } from '../errors.js';
import { accessLevels } from '../format.js';
import { link } from '../router.js';
import { section } from './common.js';

/** The sharing section of an entry's page; it fires `shared` when a share changes. */
export async function sharingSection(ctx, entry) {
  const { api, state } = ctx;
  const [sponsorships, shares] = await Promise.all([api.sponsorships(), api.shares(entry.id)]);
  const mine = sponsorships.filter((s) => s.status === 'active' && s.sponsee.id === state.user.id);
  const status = h('div', { class: 'form-status' });
  const body = h('div');
  const sectionNode = section('sharing-heading', 'Who can see this', status, body);

  if (!mine.length) {
    replace(body,
      h('p', { text: 'Only you can see this entry.' }),
      h('p', {}, 'To share it, first ', h('a', { href: link('people'), text: 'connect with your sponsor' }), '.'));
    return sectionNode;
  }
  const current = new Map(shares.map((share) => [share.sponsorshipId, share.access]));
  const sharedWith = shares.length
    ? `Shared with ${shares.map((s) => s.sponsor.displayName).join(', ')}.`
    : 'Only you can see this entry.';
  replace(body, h('p', { class: 'meta', text: sharedWith }), mine.map((sponsorship) => {
    const id = `share-${sponsorship.id}`;
    const select = h('select', { id, name: 'access' },
      accessLevels.map(([value, text]) => h('option', { value, text, selected: (current.get(sponsorship.id) || '') === value })));
    const form = h('form', { class: 'share-row' },
      h('label', { for: id, text: `${sponsorship.sponsor.displayName} (your sponsor)` }),
      h('div', { class: 'inline' }, select, h('button', { type: 'submit', text: 'Save' })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await busy(form, async () => {
        try {
          const name = sponsorship.sponsor.displayName;
          if (select.value) {
            await api.share(entry.id, sponsorship.id, select.value);
            say(status, select.value === 'comment'
              ? `${name} can now read this and comment on it.`
              : `${name} can now read this, but not comment.`, 'ok');
          } else {
            await api.unshare(entry.id, sponsorship.id);
            say(status, `${name} can no longer see this entry or its comments.`, 'ok');
          }
          sectionNode.dispatchEvent(new Event('shared'));
        } catch (error) {
          say(status, describe(error), 'error');
        }
      });
    });
    return form;
  }));
  return sectionNode;
}
