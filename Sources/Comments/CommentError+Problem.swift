import Web

extension CommentError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .invalidParent:
            .unprocessable(code: "invalid_parent", detail: "parentId must name a comment on the same entry.")
        case .deleted:
            .conflict(code: "comment_deleted", detail: "A deleted comment cannot be edited.")
        }
    }
}
