import Web

extension ActivityError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .notFound: .notFound(detail: "upTo must name an item of your activity.")
        }
    }
}
