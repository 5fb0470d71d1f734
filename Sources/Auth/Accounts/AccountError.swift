import Web

/// The refusals of the account endpoints that are not field validation.
enum AccountError: Error, Equatable, HTTPErrorConvertible {
    /// Registration with an email that already has an account: `409 email_taken`.
    case emailTaken
    /// Login with an unknown email or a wrong password (one answer for both): `401`.
    case invalidCredentials
    /// A password change with a wrong current password: `403 invalid_credentials`.
    case wrongCurrentPassword

    var httpError: HTTPError {
        switch self {
        case .emailTaken: .conflict(code: "email_taken", detail: "An account with this email exists already.")
        case .invalidCredentials: .invalidCredentials()
        case .wrongCurrentPassword: .forbidden(code: "invalid_credentials", detail: "The current password is wrong.")
        }
    }
}
