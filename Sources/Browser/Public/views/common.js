// Pieces several screens share.
import { h, replace } from '../dom.js';

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

/** A titled section with an `h2` and its content. */
export function section(id, title, ...content) {
  return h('section', { class: 'section', 'aria-labelledby': id }, h('h2', { id, text: title }), ...content);
}

/** Text shown as written: line breaks kept, never parsed as HTML. */
export function prose(text, className = 'prose') {
  return h('div', { class: className, text });
}
