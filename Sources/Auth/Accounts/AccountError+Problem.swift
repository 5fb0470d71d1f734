import Web

extension AccountError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .emailTaken: .conflict(code: "email_taken", detail: "An account with this email exists already.")
        case .invalidCredentials: .invalidCredentials()
        case .wrongCurrentPassword: .forbidden(code: "invalid_credentials", detail: "The current password is wrong.")
        case .accountGone: .unauthenticated()
        case .sessionNotFound: .notFound()
        }
    }
}
