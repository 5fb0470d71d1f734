// A sponsor's word on an amend, from the entry itself: asking for it, reading it, giving it.
import { h, replace, say, busy, radios, field, showFieldErrors } from '../dom.js';
import { describe } from '../errors.js';
import { when } from '../format.js';
import { verdicts, verdictProblems, reviewStatus, askable } from '../review.js';
import { confirmButton, prose } from './common.js';

const reviewErrors = {
  forbidden: 'You can read this amend but not answer for it.',
  not_found: 'This amend is no longer shared with you, so you can’t answer for it.',
};

/** One review as a card: who, the answer and its note, when, and whether the text changed since. */
function reviewCard(review, { mine, actions = null }) {
  const status = reviewStatus(review, { mine });
  return h('li', { class: `review ${status.state}` },
    h('p', { class: 'review-head' },
      h('strong', { text: status.text }),
      status.state === 'earlier' ? h('span', { class: 'badge warn', text: 'About an earlier text' }) : null),
    status.since ? h('p', { class: 'meta', text: status.since }) : null,
    review.note ? prose(review.note, 'prose review-note') : null,
    h('p', { class: 'meta', text: [
      `asked ${when(review.requestedAt)}`,
      review.decidedAt ? `answered ${when(review.decidedAt)}` : null,
    ].filter(Boolean).join(' · ') }),
    actions);
}

/** The owner's part: the answers so far, asking a sponsor, withdrawing a request. */
async function ownerPart(ctx, entry, body, status, reload) {
  const { api, state } = ctx;
  const [reviews, sponsorships, shares] = await Promise.all([
    api.reviews(entry.id), api.sponsorships(), api.shares(entry.id),
  ]);
  const canAsk = askable(sponsorships, shares, reviews, state.user.id);
  const connected = sponsorships.some((s) => s.status === 'active' && s.sponsee.id === state.user.id);
  const ask = canAsk.map((sponsorship) => {
    const button = h('button', { type: 'button', class: 'primary', text: `Ask ${sponsorship.sponsor.displayName} for their word` });
    button.addEventListener('click', () => busy(body, async () => {
      try {
        await api.requestReview(entry.id, sponsorship.id);
        await reload(`${sponsorship.sponsor.displayName} has been asked for their word.`);
      } catch (error) {
        say(status, describe(error), 'error');
      }
    }));
    return button;
  });
  const hint = !connected ? null
    : !canAsk.length && !reviews.some((r) => !r.verdict)
      ? h('p', { class: 'meta', text: 'To ask your sponsor for their word, first share this amend with them so they can read and comment.' })
      : null;
  replace(body,
    reviews.length
      ? h('ul', { class: 'reviews' }, reviews.map((review) => reviewCard(review, {
        mine: false,
        actions: review.verdict ? null : confirmButton({
          text: 'Withdraw the request', tone: 'quiet', confirm: 'Withdraw it',
          question: `Withdraw your request? ${review.reviewer.displayName} will no longer be asked.`,
          action: async () => {
            try {
              await api.withdrawReview(review.id);
              await reload('Your request was withdrawn.');
            } catch (error) {
              say(status, describe(error), 'error');
            }
          },
        }),
      })))
      : h('p', { class: 'meta', text: connected ? 'You haven’t asked for your sponsor’s word on this amend yet.' : 'When you have a sponsor, you can ask for their word here before you make this amend.' }),
    ask.length ? h('div', { class: 'buttons' }, ask) : null,
    hint);
}

/** The form a sponsor answers with; `review` is the latest request, answered or not. */
function verdictForm(ctx, entry, review, status, reload) {
  const formStatus = h('div', { class: 'form-status' });
  const name = entry.owner.displayName;
  const form = h('form', { class: 'card verdict-form', novalidate: true }, formStatus,
    radios({ name: 'verdict', legend: review.verdict ? 'Change your answer' : 'Your answer', value: review.verdict || '', options: verdicts.map(([v, text]) => [v, text]) }),
    field({ name: 'note', label: 'In your words', optional: false, type: 'textarea', value: review.note || '',
      hint: `Needed when you say to wait or not to make it: ${name} will read it with your answer.`, attrs: { maxlength: 10000, rows: 3 } }),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: review.verdict ? 'Change my answer' : 'Send my answer' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const verdict = String(data.get('verdict') || '');
    const note = String(data.get('note') || '').trim();
    const problems = verdictProblems(verdict, note);
    if (Object.keys(problems).length) {
      say(formStatus, problems.verdict || problems.note, 'error');
      showFieldErrors(form, problems)?.focus();
      return;
    }
    showFieldErrors(form, {});
    await busy(form, async () => {
      try {
        await ctx.api.decide(review.id, verdict, note || null);
        await reload(`Your answer was sent to ${name}.`);
      } catch (error) {
        say(formStatus, describe(error, reviewErrors), 'error');
      }
    });
  });
  return form;
}

/** The sponsor's part: the requests of their sponsorship, and the answer form. */
async function sponsorPart(ctx, entry, body, status, reload) {
  const reviews = await ctx.api.reviews(entry.id);
  const name = entry.owner.displayName;
  if (!reviews.length) {
    replace(body, h('p', { class: 'meta', text: `${name} hasn’t asked for your word on this amend.` }));
    return;
  }
  const [latest] = reviews;
  replace(body,
    h('ul', { class: 'reviews' }, reviews.map((review) => reviewCard(review, { mine: true }))),
    entry.access === 'comment'
      ? verdictForm(ctx, entry, latest, status, reload)
      : h('p', { class: 'meta', text: 'You can read this amend but not answer for it.' }));
}

/**
 * The section about a sponsor's word, for an amend (null for other kinds). `refresh()` on the
 * returned node fetches it again (after a share changes, or a live event).
 */
export async function reviewsSection(ctx, entry) {
  if (entry.kind !== 'amend') return null;
  const isOwner = entry.access === 'owner';
  const status = h('div', { class: 'form-status' });
  const body = h('div');
  const heading = h('h2', { id: 'reviews-heading', tabindex: '-1', text: isOwner ? 'Your sponsor’s word' : 'Your word on this amend' });
  const node = h('section', { class: 'section', 'aria-labelledby': 'reviews-heading' }, heading,
    isOwner ? h('p', { class: 'meta', text: 'Before you make an amend, your sponsor can say whether to go ahead.' }) : null,
    status, body);
  const part = isOwner ? ownerPart : sponsorPart;
  async function reload(message) {
    await part(ctx, entry, body, status, reload);
    if (message) {
      say(status, message, 'ok');
      heading.focus();
    }
  }
  node.refresh = async () => {
    try {
      await part(ctx, entry, body, status, reload);
    } catch (error) {
      say(status, describe(error), 'error');
    }
  };
  await part(ctx, entry, body, status, reload);
  return node;
}
