/// What a throttle counts; the values of `throttle_events.scope`.
public enum ThrottleScope: String, Sendable, CaseIterable {
    /// Failed logins per account from one client address (the pair; back-off).
    case loginAccountAddress = "login_account_address"
    /// Failed logins per account from addresses it has not logged in from lately: the
    /// account's ceiling (back-off).
    case loginAccount = "login_account"
    /// Failed logins per client address, whichever the account (back-off).
    case loginAddress = "login_address"
    /// Wrong current passwords per user at `POST /v1/me/password` (back-off).
    case passwordChange = "password_change"
    /// Registrations per client address.
    case registerAddress = "register_address"
    /// Invite acceptances per client address.
    case inviteAddress = "invite_address"
}
