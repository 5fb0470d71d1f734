// Words and numbers as a person reads them: labels for the API's values, dates, counts.

export const kinds = [
  ['journal', 'Journal'],
  ['step_work', 'Step work'],
  ['inventory', 'Daily inventory'],
  ['amend', 'Amend'],
  ['meeting', 'Meeting'],
];

export const methods = [
  ['in_person', 'In person'],
  ['phone', 'By phone'],
  ['message', 'By text or email', 'step9'],
  ['letter', 'By letter'],
  ['unsent_letter', 'An unsent letter', 'step9'],
  ['indirect', 'Indirectly'],
  ['living', 'Living amends'],
];

export const statuses = [
  ['not_yet_willing', 'Not yet willing', 'step9'],
  ['planned', 'Planned'],
  ['ready', 'Ready to make'],
  ['made', 'Made'],
  ['deferred', 'Waiting for now'],
  ['not_advisable', 'Better not made'],
];

export const risks = [
  ['', 'Not thought about yet'],
  ['none', 'No'],
  ['possible', 'Possibly'],
  ['likely', 'Likely'],
];

export const responses = [
  ['', 'Not recorded'],
  ['accepted', 'They accepted it'],
  ['declined', 'They declined it'],
  ['no_response', 'No answer'],
  ['not_asked', 'I didn’t ask'],
];

export const accessLevels = [
  ['', 'Not shared'],
  ['read', 'Can read'],
  ['comment', 'Can read and comment'],
];

/** The label for `value` in a list of [value, label] pairs, or the fallback. */
export function label(list, value, fallback = '') {
  const found = list.find(([v]) => v === value);
  return found ? found[1] : fallback;
}

/** Options offered to a server that has (or lacks) the Step 9 additions of API 1.1. */
export function choices(list, step9) {
  return list.filter((item) => step9 || item[2] !== 'step9').map(([v, text]) => [v, text]);
}

/** Today's date as YYYY-MM-DD in the person's own time zone. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from the sobriety date to today (both YYYY-MM-DD); null without a date or for a future one. */
export function daysSober(sobrietyDate, todayDate = today()) {
  if (!sobrietyDate) return null;
  const start = Date.parse(`${sobrietyDate}T00:00:00Z`);
  const end = Date.parse(`${todayDate}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return Math.round((end - start) / 86400000);
}

/** "1 day", "12 days". */
export function count(n, one, many = `${one}s`) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** "3 March 2026" for a YYYY-MM-DD date. */
export function longDate(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date || '');
  if (!match) return '';
  return `${Number(match[3])} ${monthNames[Number(match[2]) - 1]} ${match[1]}`;
}

/** A time as people say it: "just now", "5 minutes ago", "yesterday", or a date. */
export function when(iso, now = new Date()) {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${count(Math.floor(seconds / 60), 'minute')} ago`;
  if (seconds < 86400) return `${count(Math.floor(seconds / 3600), 'hour')} ago`;
  if (seconds < 2 * 86400) return 'yesterday';
  return longDate(today(then));
}

/** The first line of a text, cut to `max` characters. */
export function excerpt(text, max = 140) {
  const line = String(text || '').trim().split('\n')[0];
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Groups a few letters of an invite code for reading aloud: "ABCD-EFGH" → ["ABCD", "EFGH"]. */
export function codeGroups(code) {
  const parts = String(code || '').split(/[-\s]+/).filter(Boolean);
  if (parts.length > 1) return parts;
  return String(code || '').match(/.{1,4}/g) || [];
}

const reads = {
  entry: ['read it', 'read'],
  comments: ['read the conversation', 'read the conversation on'],
  reviews: ['looked at your requests for their word', 'looked at your requests for their word on'],
  list: ['saw it in their list', 'saw in their list'],
};

/**
 * What one access-log item says: "Alex read the conversation on “Amends to Jamie”", or,
 * on the entry's own page (no `title`), "Alex read the conversation".
 */
export function readSentence(item, title = null) {
  const name = item.viewer?.displayName || 'A former member';
  const [alone, about] = reads[item.what] || ['looked at it', 'looked at'];
  return title === null ? `${name} ${alone}` : `${name} ${about} “${title}”`;
}

/** The result of a lockdown, in words. */
export function lockdownSentences({ sharesRevoked = 0, sponsorshipsEnded = 0, sessionsEnded = 0 }) {
  return [
    sharesRevoked
      ? `${count(sharesRevoked, 'share')} taken back: nobody but you can see your entries now.`
      : 'Nothing was shared, so nobody but you could see your entries — and still nobody can.',
    sponsorshipsEnded ? `${count(sponsorshipsEnded, 'sponsorship')} ended.` : null,
    sessionsEnded ? `Signed out in ${count(sessionsEnded, 'other place')}.` : null,
  ].filter(Boolean);
}

/**
 * What an amend on the Step 8 list needs, in words (as the amends summary counts them): a
 * look again once its day has come, and a thought about whether it could hurt anyone.
 */
export function amendFlags(fields, todayDate = today()) {
  const status = fields.status || 'planned';
  if (status === 'made') return [];
  return [
    fields.revisitOn && fields.revisitOn <= todayDate ? 'Time to look at it again' : null,
    fields.riskToOthers === null || fields.riskToOthers === undefined ? 'Could it hurt anyone? Not thought about yet' : null,
  ].filter(Boolean);
}
