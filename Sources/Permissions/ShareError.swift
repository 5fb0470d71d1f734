import Web

/// The refusals of the share rules.
enum ShareError: Error, HTTPErrorConvertible {
    /// The sponsorship is unknown, ended, or not one in which the entry's owner is the sponsee.
    case invalidSponsorship

    var httpError: HTTPError {
        switch self {
        case .invalidSponsorship:
            .unprocessable(
                code: "invalid_sponsorship",
                detail: "Entries can be shared only through an active sponsorship in which their owner is the sponsee.")
        }
    }
}
