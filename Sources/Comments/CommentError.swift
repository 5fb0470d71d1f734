import Web

/// The refusals that belong to comments; visibility refusals (`404`, `403`) come from
/// `EntryAccessPolicy` or are plain `HTTPError`s with the same bodies.
enum CommentError: Error, HTTPErrorConvertible {
    /// `422 invalid_parent`: `parentId` names no comment of the same entry.
    case invalidParent
    /// `409 comment_deleted`: a tombstone cannot be edited.
    case deleted

    var httpError: HTTPError {
        switch self {
        case .invalidParent:
            .unprocessable(code: "invalid_parent", detail: "parentId must name a comment on the same entry.")
        case .deleted:
            .conflict(code: "comment_deleted", detail: "A deleted comment cannot be edited.")
        }
    }
}
