// Pieces several screens share.
import { h, replace, say, busy, showFieldErrors } from '../dom.js';
import { describe, fieldMessages } from '../errors.js';

/**
 * A button that asks before it acts: the first press shows the question with a confirming
 * and a cancelling button; `action` runs only on the second. Focus follows the question.
 */
export function confirmButton({ text, question, confirm, action, tone = 'danger' }) {
  const slot = h('div', { class: 'confirm' });
  const start = h('button', { type: 'button', class: tone, text });
  const reset = () => { replace(slot, start); start.focus(); };
  start.addEventListener('click', () => {
    const yes = h('button', { type: 'button', class: tone, text: confirm });
    const no = h('button', { type: 'button', text: 'Cancel' });
    const prompt = h('p', { class: 'confirm-question', tabindex: '-1', text: question });
    no.addEventListener('click', reset);
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        await action();
      } finally {
        yes.disabled = false;
        no.disabled = false;
      }
    });
    replace(slot, h('div', { class: 'confirm-box', role: 'group', 'aria-label': question }, prompt, h('div', { class: 'buttons' }, yes, no)));
    prompt.focus();
  });
  replace(slot, start);
  return slot;
}

/**
 * Handles a form's submission. `read()` gives its values and `check(values)` the problems
 * found before asking the server (by field name); without any, `run(values)` runs with the
 * buttons disabled. An error it throws is said in `status` as a sentence (`context` may word a
 * code for this form) and by the fields it concerns (`labels` names them) — unless
 * `recover(error, values)` deals with it and answers true. Nothing typed is cleared.
 */
export function handleSubmit(form, status, {
  read = () => Object.fromEntries(new FormData(form)), check = () => ({}), run, labels = {}, context, recover,
}) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = read();
    const problems = check(values);
    if (Object.keys(problems).length) {
      say(status, 'Some answers need another look — see the notes below.', 'error');
      showFieldErrors(form, problems)?.focus();
      return;
    }
    showFieldErrors(form, {});
    say(status, null);
    await busy(form, async () => {
      try {
        await run(values);
      } catch (error) {
        if (recover && await recover(error, values)) return;
        say(status, describe(error, context), 'error');
        showFieldErrors(form, fieldMessages(error, labels))?.focus();
      }
    });
  });
}

/** A titled section with an `h2` and its content. */
export function section(id, title, ...content) {
  return h('section', { class: 'section', 'aria-labelledby': id }, h('h2', { id, text: title }), ...content);
}

/** Text shown as written: line breaks kept, never parsed as HTML. */
export function prose(text, className = 'prose') {
  return h('div', { class: className, text });
}
