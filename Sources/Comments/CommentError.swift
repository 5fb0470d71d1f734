/// The refusals that belong to comments; visibility refusals (`404`, `403`) are the
/// policy's `AccessDenied`.
enum CommentError: Error {
    /// `422 invalid_parent`: `parentId` names no comment of the same entry.
    case invalidParent
    /// `409 comment_deleted`: a tombstone cannot be edited.
    case deleted
}
