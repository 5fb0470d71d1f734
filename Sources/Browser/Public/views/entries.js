// Entries: the list, one entry with its sharing and conversation, and the form per kind.
import { h, replace, field, radios, say, busy, notice } from '../dom.js';
import { describe } from '../errors.js';
import {
  kinds, methods, statuses, risks, responses, label, choices, longDate, when, today,
} from '../format.js';
import { conflicts } from '../merge.js';
import { retryKey } from '../api.js';
import { link } from '../router.js';
import { confirmButton, prose, handleSubmit } from './common.js';
import { entryItem, writeLinks } from './home.js';
import { sharingSection } from './shares.js';
import { commentsSection } from './comments.js';
import { reviewsSection } from './reviews.js';
import { readsSection } from './reads.js';

const bodyLabels = {
  journal: ['What’s on your mind', null],
  step_work: ['Your work on this step', null],
  inventory: ['Today’s inventory', 'Where was I resentful, selfish, dishonest or afraid? What did I do well? What do I owe an apology for?'],
  amend: ['Other notes', null],
  meeting: ['What I heard and what I felt', null],
};

const fieldLabels = {
  title: 'Title', body: 'Text', step: 'Step', person: 'Who', relationship: 'Who they are to me', harm: 'What I did',
  plan: 'What I will do and say', restitution: 'What I owe', method: 'How', status: 'Where it stands',
  riskToOthers: 'Could making it hurt them, someone else, or me?', riskNotes: 'Why I think so', madeOn: 'The day I made it',
  outcome: 'How it went', response: 'How they received it', revisitOn: 'Look at it again on', date: 'Date', name: 'Meeting name',
};

/** The title an entry gets when the person leaves it empty, and the hint that says so. */
const defaultTitles = {
  journal: ['Journal, the date', () => `Journal, ${longDate(today())}`],
  step_work: ['Step and its number', (v) => (v.step ? `Step ${v.step}` : '')],
  inventory: ['Inventory, the date', () => `Inventory, ${longDate(today())}`],
  amend: ['Amends to and the person’s name', (v) => (v.fields.person ? `Amends to ${v.fields.person}` : '')],
  meeting: ['the meeting’s name, or Meeting and the date', (v) => v.fields.name || (v.fields.date ? `Meeting, ${longDate(v.fields.date)}` : '')],
};

const stepOptions = (required) => [['', required ? 'Choose a step' : 'No particular step'],
  ...Array.from({ length: 12 }, (_, i) => [String(i + 1), `Step ${i + 1}`])];

export async function entryList(ctx, _params, query) {
  const kind = kinds.some(([k]) => k === query.kind) ? query.kind : '';
  const entries = await ctx.api.entries({ kind });
  const filter = h('form', { class: 'filter' },
    field({ name: 'kind', label: 'Show', type: 'select', value: kind, required: true, options: [['', 'Every kind'], ...kinds] }),
    h('button', { type: 'submit', text: 'Show' }));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = filter.querySelector('select').value;
    ctx.navigate(link('entries', {}, chosen ? { kind: chosen } : {}));
  });
  ctx.show('Your entries',
    writeLinks(),
    filter,
    entries.length
      ? h('ul', { class: 'entries' }, entries.map((entry) => entryItem(entry)))
      : h('p', { class: 'meta', text: kind ? 'Nothing of this kind yet.' : 'Nothing written yet. Everything you write stays private until you share it.' }));
}

/** Label and value pairs describing the kind-specific part of an entry. */
function details(entry) {
  const f = entry.fields || {};
  if (entry.kind === 'meeting') {
    return [['Date', longDate(f.date)], ['Meeting', f.name]];
  }
  if (entry.kind !== 'amend') return [];
  return [
    [fieldLabels.person, f.person], [fieldLabels.relationship, f.relationship],
    [fieldLabels.harm, f.harm], [fieldLabels.plan, f.plan], [fieldLabels.restitution, f.restitution],
    [fieldLabels.method, label(methods, f.method)], [fieldLabels.riskToOthers, f.riskToOthers ? label(risks, f.riskToOthers) : null],
    [fieldLabels.riskNotes, f.riskNotes], [fieldLabels.status, label(statuses, f.status)],
    [fieldLabels.madeOn, longDate(f.madeOn)], [fieldLabels.outcome, f.outcome],
    [fieldLabels.response, f.response ? label(responses, f.response) : null], [fieldLabels.revisitOn, longDate(f.revisitOn)],
  ];
}

export async function entryPage(ctx, { id }) {
  const entry = await ctx.api.entry(id);
  const isOwner = entry.access === 'owner';
  if (!isOwner) ctx.section('shared');
  const rows = details(entry).filter(([, value]) => value);
  const parts = [
    h('p', { class: 'meta', text: [
      label(kinds, entry.kind, 'Entry'), entry.step ? `Step ${entry.step}` : null,
      isOwner ? null : `written by ${entry.owner.displayName}`,
      `updated ${when(entry.updatedAt)}`,
      isOwner ? null : (entry.access === 'comment' ? 'you can read and comment' : 'you can read'),
    ].filter(Boolean).join(' · ') }),
    rows.length ? h('dl', { class: 'details' }, rows.map(([term, value]) => [h('dt', { text: term }), h('dd', {}, prose(value))])) : null,
    entry.body ? prose(entry.body, 'prose entry-body') : null,
  ];
  if (isOwner) {
    const status = h('div', { class: 'form-status' });
    parts.push(h('div', { class: 'buttons' },
      h('a', { class: 'button', href: link('editEntry', { id }), text: 'Edit' }),
      confirmButton({
        text: 'Delete', question: 'Delete this entry for good? Its comments and shares go with it.', confirm: 'Delete entry',
        action: async () => {
          try {
            await ctx.api.deleteEntry(id);
            ctx.announce('The entry was deleted.');
            ctx.navigate(link('entries'));
          } catch (error) {
            say(status, describe(error), 'error');
          }
        },
      })), status);
  }
  const [sharing, reviews, comments, reads] = await Promise.all([
    isOwner ? sharingSection(ctx, entry) : null,
    reviewsSection(ctx, entry),
    commentsSection(ctx, entry),
    isOwner ? readsSection(ctx, entry) : null,
  ]);
  if (sharing && reviews) sharing.addEventListener('shared', () => reviews.refresh());
  ctx.onLive(async (item) => {
    if (item && item.entryId !== id && item.type !== 'sponsorship_ended') return;
    try {
      await comments.refresh();
      await reviews?.refresh();
    } catch (error) {
      if (error.status !== 404) return;
      // No longer shared with this person: what was on screen goes.
      ctx.show({ heading: 'No longer shared with you', page: 'Entry' },
        notice(`${entry.owner.displayName} has stopped sharing this entry, or the sponsorship has ended.`, 'info'),
        h('p', {}, h('a', { href: link('shared'), text: 'What is still shared with you' })));
    }
  });
  ctx.show({ heading: entry.title, page: label(kinds, entry.kind, 'Entry') }, h('article', { class: 'entry' }, parts),
    sharing, reviews, comments, reads);
}

/** The form's inputs for one kind; `f` holds the current values. */
function kindFields(kind, f, step9) {
  if (kind === 'meeting') {
    return [
      field({ name: 'date', label: fieldLabels.date, type: 'date', value: f.date || today(), required: true }),
      field({ name: 'name', label: fieldLabels.name, value: f.name, attrs: { maxlength: 200 } }),
    ];
  }
  if (kind !== 'amend') return [];
  const extra = (node) => (step9 ? node : null);
  const status = field({ name: 'status', label: fieldLabels.status, type: 'select', value: f.status || 'planned', required: true, options: choices(statuses, step9) });
  const made = h('fieldset', { class: 'group', 'data-when-made': '' },
    h('legend', { text: 'After it’s made' }),
    field({ name: 'madeOn', label: fieldLabels.madeOn, type: 'date', value: f.madeOn, required: true, attrs: { max: today() } }),
    extra(field({ name: 'outcome', label: fieldLabels.outcome, type: 'textarea', value: f.outcome, attrs: { maxlength: 10000, rows: 4 } })),
    extra(radios({ name: 'response', legend: fieldLabels.response, value: f.response || '', options: responses })));
  const showMade = () => { made.hidden = status.querySelector('select').value !== 'made'; };
  status.querySelector('select').addEventListener('change', showMade);
  showMade();
  return [
    h('fieldset', { class: 'group' }, h('legend', { text: 'Who and what' }),
      field({ name: 'person', label: fieldLabels.person, value: f.person, required: true, hint: 'A name, or how you think of them.', attrs: { maxlength: 200 } }),
      extra(field({ name: 'relationship', label: fieldLabels.relationship, value: f.relationship, hint: 'For example: brother, former employer.', attrs: { maxlength: 200 } })),
      field({ name: 'harm', label: fieldLabels.harm, type: 'textarea', value: f.harm, attrs: { maxlength: 10000 } })),
    h('fieldset', { class: 'group' }, h('legend', { text: 'The amend' }),
      field({ name: 'plan', label: fieldLabels.plan, type: 'textarea', value: f.plan, attrs: { maxlength: 10000 } }),
      extra(field({ name: 'restitution', label: fieldLabels.restitution, type: 'textarea', value: f.restitution, hint: 'Money, things, or time to repay, return or make up.', attrs: { maxlength: 10000, rows: 3 } })),
      field({ name: 'method', label: fieldLabels.method, type: 'select', value: f.method || '', options: [['', 'Not decided yet'], ...choices(methods, step9)] })),
    step9 ? h('fieldset', { class: 'group' }, h('legend', { text: '“Except when to do so would injure them or others”' }),
      radios({ name: 'riskToOthers', legend: fieldLabels.riskToOthers, value: f.riskToOthers || '', options: risks }),
      field({ name: 'riskNotes', label: fieldLabels.riskNotes, type: 'textarea', value: f.riskNotes, attrs: { maxlength: 10000, rows: 3 } })) : null,
    h('fieldset', { class: 'group' }, h('legend', { text: 'Progress' }),
      status,
      extra(field({ name: 'revisitOn', label: fieldLabels.revisitOn, type: 'date', value: f.revisitOn, hint: 'For an amend that has to wait, or a door left open.' }))),
    made,
  ];
}

/** What the form holds, as the API's entry body (without `kind`). */
export function collect(form, kind, step9) {
  const data = new FormData(form);
  const value = (name) => (data.has(name) ? String(data.get(name)) : '');
  const optional = (name) => value(name).trim() || null;
  const result = { title: value('title').trim(), body: value('body') };
  const step = value('step');
  result.step = step ? Number(step) : null;
  if (kind === 'meeting') result.fields = { date: value('date'), name: optional('name') };
  else if (kind === 'amend') {
    const status = value('status') || 'planned';
    const made = status === 'made';
    result.fields = {
      person: value('person').trim(), harm: optional('harm'), plan: optional('plan'),
      method: optional('method'), status, madeOn: made ? optional('madeOn') : null,
    };
    if (step9) {
      Object.assign(result.fields, {
        relationship: optional('relationship'), restitution: optional('restitution'),
        riskToOthers: optional('riskToOthers'), riskNotes: optional('riskNotes'),
        outcome: made ? optional('outcome') : null, response: made ? optional('response') : null,
        revisitOn: optional('revisitOn'),
      });
    }
  } else result.fields = {};
  return result;
}

export async function entryForm(ctx, params) {
  const { api } = ctx;
  const step9 = await ctx.hasStep9();
  let entry = null;
  if (params.id) {
    entry = await api.entry(params.id);
    if (entry.access !== 'owner') {
      ctx.show('You can’t edit this', notice('Only the person who wrote an entry can change it.', 'info'),
        h('p', {}, h('a', { href: link('entry', { id: entry.id }), text: 'Back to the entry' })));
      return;
    }
  }
  const kind = entry ? entry.kind : params.kind;
  if (!kinds.some(([k]) => k === kind)) {
    ctx.show('Page not found', h('p', { text: 'There’s no such kind of entry.' }));
    return;
  }
  let version = entry ? entry.version : null;
  const creation = retryKey();
  const status = h('div', { class: 'form-status' });
  const conflictSlot = h('div');
  const fieldsSlot = h('div');
  const form = h('form', { class: 'card entry-form', novalidate: true }, status, conflictSlot, fieldsSlot,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: entry ? 'Save changes' : 'Save' }),
      h('a', { class: 'button', href: entry ? link('entry', { id: entry.id }) : link('entries'), text: 'Cancel' })));

  function fill(values) {
    const [bodyLabel, bodyHint] = bodyLabels[kind];
    const stepRequired = kind === 'step_work';
    replace(fieldsSlot,
      field({ name: 'title', label: fieldLabels.title, value: values.title, hint: `Leave it empty for ${defaultTitles[kind][0]}.`, attrs: { maxlength: 200 } }),
      field({ name: 'step', label: fieldLabels.step, type: 'select', value: values.step ? String(values.step) : '', required: stepRequired, options: stepOptions(stepRequired) }),
      kindFields(kind, values.fields || {}, step9),
      field({ name: 'body', label: bodyLabel, hint: bodyHint, type: 'textarea', value: values.body, attrs: { rows: 8, maxlength: 100000 } }));
  }
  fill(entry || { fields: {} });

  function localProblems(values) {
    const problems = {};
    if (kind === 'step_work' && !values.step) problems.step = 'Choose the step this work is for.';
    if (kind === 'amend' && !values.fields.person) problems.person = 'Say who this amend is for.';
    if (kind === 'amend' && values.fields.status === 'made' && !values.fields.madeOn) problems.madeOn = 'Say when you made it.';
    if (kind === 'meeting' && !values.fields.date) problems.date = 'Say when the meeting was.';
    return problems;
  }

  async function save(values) {
    if (entry) {
      const saved = await api.updateEntry(entry.id, version, values);
      ctx.announce('Your changes were saved.');
      ctx.navigate(link('entry', { id: saved.id }));
    } else {
      const created = await creation.run((key) => api.createEntry({ kind, ...values, step: values.step ?? undefined }, key));
      ctx.announce('Saved. Only you can see it until you share it.');
      ctx.navigate(link('entry', { id: created.id }));
    }
  }

  function showConflict(mine, latest) {
    const differences = conflicts(mine, latest);
    const keepMine = h('button', { type: 'button', class: 'primary', text: 'Keep mine' });
    const takeTheirs = h('button', { type: 'button', text: 'Use the newer one' });
    const heading = h('h2', { tabindex: '-1', text: 'This entry was changed while you were editing' });
    const box = h('section', { class: 'conflict', 'aria-labelledby': 'conflict-heading' },
      heading,
      h('p', { text: 'Someone saved a newer version (perhaps you, on another device). Nothing is lost: here are both. Keep yours to save it over the newer one, or use the newer one and copy from yours below.' }),
      differences.map((d) => h('div', { class: 'difference' },
        h('h3', { text: d.label }),
        h('div', { class: 'versions' },
          h('div', {}, h('p', { class: 'version-label', text: 'Yours' }), prose(d.mine || '(empty)', 'prose version mine')),
          h('div', {}, h('p', { class: 'version-label', text: 'Saved meanwhile' }), prose(d.theirs || '(empty)', 'prose version theirs'))))),
      h('div', { class: 'buttons' }, keepMine, takeTheirs));
    heading.id = 'conflict-heading';
    keepMine.addEventListener('click', () => busy(form, async () => {
      version = latest.version;
      try {
        await save(mine);
      } catch (error) {
        say(status, describe(error), 'error');
      }
    }));
    takeTheirs.addEventListener('click', () => {
      version = latest.version;
      entry = latest;
      fill(latest);
      takeTheirs.remove();
      keepMine.remove();
      heading.textContent = 'The newer version is in the form. Your text, to copy from:';
      box.append(h('button', { type: 'button', text: 'Done copying', on: { click: () => { replace(conflictSlot); form.querySelector('input').focus(); } } }));
      heading.focus();
    });
    replace(conflictSlot, box);
    heading.focus();
  }

  handleSubmit(form, status, {
    read: () => {
      const values = collect(form, kind, step9);
      if (!values.title) values.title = defaultTitles[kind][1](values).slice(0, 200);
      return values;
    },
    check: localProblems,
    run: save,
    labels: fieldLabels,
    recover: async (error, values) => {
      if (error.code !== 'version_conflict') return false;
      showConflict(values, await api.entry(entry.id));
      return true;
    },
  });

  const title = entry
    ? { heading: `Edit: ${entry.title}`, page: `Edit ${label(kinds, kind).toLowerCase()}` }
    : `New ${label(kinds, kind).toLowerCase()}`;
  ctx.show(title, form);
}
