// What happened, in words: the activity feed's items, and which screens an event concerns.

const sentences = {
  sponsorship_started: (name) => `${name} accepted your invite: you’re connected.`,
  sponsorship_ended: (name) => `${name} ended your sponsorship.`,
  entry_shared: (name, title) => `${name} shared ${title ? `“${title}”` : 'an entry'} with you.`,
  comment_added: (name, title) => `${name} wrote in the conversation on ${title ? `“${title}”` : 'an entry'}.`,
  review_requested: (name, title) => `${name} asked for your word on ${title ? `“${title}”` : 'an amend'}.`,
  review_decided: (name, title) => `${name} gave their word on ${title ? `“${title}”` : 'your amend'}.`,
};

/**
 * One sentence for an activity item, naming the entry by `title` when it is known; a type
 * this app doesn't know yet reads plainly.
 */
export function describeActivity(item, title = null) {
  const name = item.actor?.displayName || 'Someone';
  return (sentences[item.type] || ((n) => `${n} did something that concerns you.`))(name, title);
}

/** Where an activity item leads: `['entry', { id }]`, `['people', {}]`, or null. */
export function activityTarget(item) {
  if (item.entryId) return ['entry', { id: item.entryId }];
  if (item.sponsorshipId) return ['people', {}];
  return null;
}

/** The activity types the browser listens for on the event stream. */
export const activityTypes = Object.keys(sentences);

/**
 * Whether an event should make the screen on show fetch again what it shows: `route` is the
 * router's `{ name, params }`. Lists care about everything; an entry's page about what happens
 * to that entry; the Step 8 list about answers. Screens with forms are never drawn again.
 */
export function concerns(route, item) {
  switch (route.name) {
    case 'home':
    case 'activity':
    case 'shared':
      return true;
    case 'entry':
      return item.entryId === route.params.id || item.type === 'sponsorship_ended';
    case 'amends':
      return item.type === 'review_decided';
    default:
      return false;
  }
}

/**
 * The delay before reconnecting after the `attempt`-th failure in a row (from 1): doubling
 * from 2 s, at most 60 s.
 */
export function reconnectDelay(attempt) {
  return Math.min(60000, 2000 * 2 ** Math.max(0, attempt - 1));
}
