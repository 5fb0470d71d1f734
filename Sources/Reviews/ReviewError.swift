import Web

/// The refusals that belong to reviews; visibility refusals (`404`, `403`) come from
/// `EntryAccessPolicy` or are plain `HTTPError`s with the same bodies.
enum ReviewError: Error, HTTPErrorConvertible {
    /// `422 not_an_amend`: only amends are reviewed.
    case notAnAmend
    /// `422 not_shared_for_comment`: the entry is not shared with that (active) sponsorship
    /// with `comment` access.
    case notSharedForComment
    /// `409 review_pending`: that sponsorship has an undecided review of the entry already.
    case pending

    var httpError: HTTPError {
        switch self {
        case .notAnAmend:
            .unprocessable(code: "not_an_amend", detail: "Only amend entries can be reviewed.")
        case .notSharedForComment:
            .unprocessable(
                code: "not_shared_for_comment",
                detail: "The entry must be shared with comment access through that active sponsorship.")
        case .pending:
            .conflict(code: "review_pending", detail: "That sponsor has not yet answered the review already asked for.")
        }
    }
}
