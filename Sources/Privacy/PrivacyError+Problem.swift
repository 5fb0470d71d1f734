import Web

extension PrivacyError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .accountGone: .unauthenticated()
        case .exportFile: .internalError()
        }
    }
}
