// Building the page without ever parsing data as HTML: every text goes in as a text node.

/**
 * Creates an element. `attrs` may hold `class`, `text`, `on` (event name → handler),
 * booleans (set when true) and any other attribute; children are nodes or strings
 * (strings become text nodes), null and false are skipped, arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name === 'on') for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    else if (name === 'value') element.value = value;
    else if (name === 'checked' || name === 'selected') element[name] = Boolean(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside `element` with `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

let counter = 0;
/** A fresh id for label/field pairs. */
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/**
 * A labelled form field. `type` is an input type, or 'textarea' / 'select' (with `options`,
 * pairs of [value, label]). `hint` is described-by text; an error slot follows the field.
 * A field not required is labelled "(optional)" unless `optional` is false (when the hint says when it is needed).
 */
export function field({ name, label, type = 'text', value = '', hint, options, required, optional = !required, attrs = {} }) {
  const id = uid(name.replace(/[^a-z0-9]/gi, '-'));
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = { id, name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), required, ...attrs };
  let control;
  if (type === 'textarea') {
    control = h('textarea', { ...common, rows: attrs.rows || 5 });
    control.value = value ?? '';
  } else if (type === 'select') {
    control = h('select', common, options.map(([v, text]) => h('option', { value: v, selected: String(value ?? '') === v, text })));
  } else {
    control = h('input', { ...common, type, value: value ?? '' });
  }
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id, text: label + (optional ? ' (optional)' : '') }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    control,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
}

/** A group of radio buttons in a fieldset with a legend. */
export function radios({ name, legend, value, options, hint }) {
  const hintId = hint ? uid('hint') : null;
  return h('fieldset', { class: 'field radios', 'data-field': name, 'aria-describedby': hintId },
    h('legend', { text: legend }),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null,
    options.map(([v, text]) => {
      const id = uid(name);
      return h('div', { class: 'radio' },
        h('input', { type: 'radio', id, name, value: v, checked: String(value ?? '') === v }),
        h('label', { for: id, text }));
    }),
    h('p', { class: 'field-error', hidden: true }));
}

/** Shows messages next to fields (by `data-field`), clears the others; returns the first field with one. */
export function showFieldErrors(form, messages) {
  let first = null;
  for (const wrapper of form.querySelectorAll('[data-field]')) {
    const slot = wrapper.querySelector('.field-error');
    const control = wrapper.querySelector('input, textarea, select');
    const message = messages[wrapper.dataset.field];
    if (slot) {
      slot.textContent = message || '';
      slot.hidden = !message;
    }
    if (control) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
    if (message && !first) first = control;
  }
  return first;
}

/** A message box: `tone` is 'error', 'ok' or 'info'. Errors are announced at once. */
export function notice(text, tone = 'info') {
  return h('div', { class: `notice ${tone}`, role: tone === 'error' ? 'alert' : 'status', text });
}

/** Puts a notice into `slot` (or clears it with null). */
export function say(slot, text, tone = 'info') {
  replace(slot, text ? notice(text, tone) : null);
}

/** Disables a form's buttons while `work` runs, and enables them again. */
export async function busy(form, work) {
  const buttons = [...form.querySelectorAll('button')];
  buttons.forEach((button) => { button.disabled = true; });
  form.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
    form.removeAttribute('aria-busy');
  }
}
