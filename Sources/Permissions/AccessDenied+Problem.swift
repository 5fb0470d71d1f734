import Web

/// `404 not_found` (the answer for a random id) or `403 forbidden`.
extension AccessDenied: HTTPErrorConvertible {
    public var httpError: HTTPError {
        switch self {
        case .notVisible: .notFound()
        case .forbidden: .forbidden()
        }
    }
}
