import Web

extension ShareError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .invalidSponsorship:
            .unprocessable(
                code: "invalid_sponsorship",
                detail: "Entries can be shared only through an active sponsorship in which their owner is the sponsee.")
        }
    }
}
