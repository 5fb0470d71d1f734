// A comment thread as a tree: replies under the comment they answer, oldest first.

/**
 * Builds `[{ comment, replies: [...] }]` from the flat list the API gives (oldest first).
 * A reply whose parent is missing stands at the top level, so nothing is hidden.
 */
export function buildThread(comments) {
  const nodes = new Map(comments.map((comment) => [comment.id, { comment, replies: [] }]));
  const roots = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id);
    const parent = comment.parentId ? nodes.get(comment.parentId) : null;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether a comment speaks of an earlier text than the entry's current version. */
export function aboutEarlierVersion(comment, entryVersion) {
  return Number.isInteger(comment.entryVersion) && Number.isInteger(entryVersion) && comment.entryVersion < entryVersion;
}
