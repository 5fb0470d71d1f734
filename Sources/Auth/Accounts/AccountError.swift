/// The refusals of the account endpoints that are not field validation.
enum AccountError: Error, Equatable {
    /// Registration with an email that already has an account: `409 email_taken`.
    case emailTaken
    /// Login with an unknown email or a wrong password (one answer for both): `401`.
    case invalidCredentials
    /// A password change with a wrong current password: `403 invalid_credentials`.
    case wrongCurrentPassword
    /// The caller's account is gone (deleted while the session was in flight): `401`.
    case accountGone
    /// Not one of the caller's sessions: `404`.
    case sessionNotFound
}
