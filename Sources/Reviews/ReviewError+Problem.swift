import Web

extension ReviewError: HTTPErrorConvertible {
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
