/// What a throttle counts; the values of `throttle_events.scope`.
public enum ThrottleScope: String, Sendable, CaseIterable {
    /// Failed logins per account (subject: the normalised email).
    case loginAccount = "login_account"
    /// Failed logins per client address.
    case loginAddress = "login_address"
    /// Registrations per client address.
    case registerAddress = "register_address"
    /// Invite acceptances per client address.
    case inviteAddress = "invite_address"
}
