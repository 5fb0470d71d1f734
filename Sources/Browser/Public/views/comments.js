// The conversation on an entry: comments, replies, edits and deletions.
import { h, replace, say, busy, uid } from '../dom.js';
import { describe } from '../errors.js';
import { retryKey } from '../api.js';
import { when } from '../format.js';
import { buildThread, aboutEarlierVersion } from '../thread.js';
import { confirmButton, prose } from './common.js';

const commentErrors = {
  forbidden: 'You can read this entry but not comment on it.',
  too_short: 'Write something first.',
};

/** A small form with one text area: to write, answer or edit a comment. */
function commentForm({ label, value = '', submit, onSubmit, onCancel }) {
  const id = uid('comment');
  const status = h('div', { class: 'form-status' });
  const area = h('textarea', { id, name: 'body', rows: 3, required: true, maxlength: 10000 });
  area.value = value;
  const form = h('form', { class: 'comment-form' }, status,
    h('label', { for: id, text: label }), area,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: submit }),
      onCancel ? h('button', { type: 'button', text: 'Cancel', on: { click: onCancel } }) : null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!area.value.trim()) {
      say(status, commentErrors.too_short, 'error');
      area.focus();
      return;
    }
    await busy(form, async () => {
      try {
        await onSubmit(area.value.trim());
      } catch (error) {
        const sentence = error.code === 'validation_failed' && error.errors.some((e) => e.code === 'too_long')
          ? 'This comment is too long. Comments can be up to 10,000 characters.'
          : describe(error, commentErrors);
        say(status, sentence, 'error');
        area.focus();
      }
    });
  });
  return form;
}

export async function commentsSection(ctx, entry) {
  const { api, state } = ctx;
  const canComment = entry.access === 'owner' || entry.access === 'comment';
  const isOwner = entry.access === 'owner';
  const list = h('div', { class: 'thread' });
  const heading = h('h2', { id: 'comments-heading', tabindex: '-1', text: 'Conversation' });
  const node = h('section', { class: 'section', 'aria-labelledby': 'comments-heading' }, heading, list);

  async function reload(message, focusId) {
    const comments = await api.comments(entry.id);
    draw(comments);
    if (message) ctx.announce(message);
    const target = focusId && list.querySelector(`[data-comment="${CSS.escape(focusId)}"]`);
    (target || heading).focus();
  }

  function renderNode({ comment, replies }) {
    const mine = comment.author && comment.author.id === state.user.id;
    const actions = h('div', { class: 'comment-actions' });
    const article = h('article', { class: 'comment', 'data-comment': comment.id, tabindex: '-1', 'aria-label': comment.deleted ? 'Deleted comment' : `Comment from ${comment.author ? comment.author.displayName : 'a former member'}` },
      h('p', { class: 'comment-head' },
        h('strong', { text: comment.deleted ? 'Deleted' : (comment.author ? comment.author.displayName : 'Former member') }),
        h('span', { class: 'meta', text: ` · ${when(comment.createdAt)}${comment.editedAt && !comment.deleted ? ' · edited' : ''}` }),
        aboutEarlierVersion(comment, entry.version) && !comment.deleted
          ? h('span', { class: 'badge', text: 'About an earlier version' }) : null),
      comment.deleted ? h('p', { class: 'meta', text: 'This comment was deleted.' }) : prose(comment.body),
      actions);
    if (!comment.deleted) {
      const slot = h('div', { class: 'comment-slot' });
      const buttons = [];
      if (canComment) {
        buttons.push(h('button', { type: 'button', class: 'link', text: 'Reply', on: { click: () => {
          const replyKey = retryKey();
          const form = commentForm({
            label: `Your reply to ${comment.author ? comment.author.displayName : 'this comment'}`, submit: 'Send reply',
            onSubmit: async (body) => {
              const created = await replyKey.run((key) => api.addComment(entry.id, body, comment.id, key));
              await reload('Your reply was added.', created.id);
            },
            onCancel: () => { replace(slot); buttons[0].focus(); },
          });
          replace(slot, form);
          form.querySelector('textarea').focus();
        } } }));
      }
      if (mine) {
        buttons.push(h('button', { type: 'button', class: 'link', text: 'Edit', on: { click: (event) => {
          const opener = event.currentTarget;
          const form = commentForm({
            label: 'Edit your comment', value: comment.body, submit: 'Save',
            onSubmit: async (body) => {
              await api.editComment(comment.id, body);
              await reload('Your comment was saved.', comment.id);
            },
            onCancel: () => { replace(slot); opener.focus(); },
          });
          replace(slot, form);
          form.querySelector('textarea').focus();
        } } }));
      }
      replace(actions, h('div', { class: 'inline' }, buttons,
        mine || isOwner ? confirmButton({
          text: 'Delete', question: 'Delete this comment? Replies stay in place.', confirm: 'Delete comment',
          action: async () => {
            try {
              await api.deleteComment(comment.id);
              await reload('The comment was deleted.', comment.id);
            } catch (error) {
              ctx.announce(describe(error));
            }
          },
        }) : null), slot);
    }
    return h('li', {}, article, replies.length ? h('ol', { class: 'replies' }, replies.map(renderNode)) : null);
  }

  // Made once, so what is being typed stays when the thread is drawn again.
  const commentKey = retryKey();
  const newComment = canComment
    ? commentForm({
      label: isOwner ? 'Add a comment' : `Write to ${entry.owner.displayName}`, submit: 'Send',
      onSubmit: async (body) => {
        const created = await commentKey.run((key) => api.addComment(entry.id, body, null, key));
        newComment.reset();
        await reload('Your comment was added.', created.id);
      },
    })
    : h('p', { class: 'meta', text: 'You can read this conversation but not add to it.' });

  function draw(comments) {
    const tree = buildThread(comments);
    replace(list,
      tree.length ? h('ol', { class: 'comments' }, tree.map(renderNode)) : h('p', { class: 'meta', text: 'No comments yet.' }),
      newComment);
  }

  /**
   * Fetches the thread again (a live update) without moving focus. A reply or edit being
   * written stays open: the thread is drawn again once it is sent or cancelled.
   */
  node.refresh = async () => {
    const comments = await api.comments(entry.id);
    if (list.querySelector('.comment-slot form')) return;
    const focused = list.contains(document.activeElement) && !newComment.contains(document.activeElement);
    draw(comments);
    if (focused) heading.focus({ preventScroll: true });
  };

  draw(await api.comments(entry.id));
  return node;
}
