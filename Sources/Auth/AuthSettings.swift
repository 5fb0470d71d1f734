/// Auth's settings as plain values; the App maps its configuration onto them.
///
/// Login failures back off exponentially (`ThrottleBackoff`: 1 s after the free attempts,
/// doubling up to 15 minutes, remembered for 24 hours) rather than locking anyone out.
public struct AuthSettings: Sendable {
    /// scrypt cost (log2 N) of new password hashes; weaker stored hashes are upgraded at login.
    public var passwordHashCost: Int
    /// Keys throttle subjects and known login addresses (from the server secret).
    public var throttleKey: ThrottleKey
    /// Failed logins per account from one client address (IPv6: its /64).
    public var loginAccountAddressBackoff: ThrottleBackoff
    /// Failed logins per account from addresses it has not logged in from lately: the
    /// account's ceiling, far above the per-address allowance.
    public var loginAccountBackoff: ThrottleBackoff
    /// Failed logins per client address, whichever the account.
    public var loginAddressBackoff: ThrottleBackoff
    /// Wrong current passwords per user at `POST /v1/me/password`.
    public var passwordChangeBackoff: ThrottleBackoff
    /// Registrations per client address.
    public var registerAddressWindow: ThrottleWindow
    /// Password hashes a second this process spends on logins not from a known address.
    public var failedLoginHashesPerSecond: Double

    /// Settings with the operations guide's meaning of its limits: free failures before the
    /// back-off starts (per account and address, per account, per address; a password
    /// change gets the per-account allowance on a counter of its own), registrations per hour.
    public init(
        passwordHashCost: Int, throttleKey: ThrottleKey,
        maxLoginFailuresPerAccount: Int, maxLoginFailuresPerAddress: Int, loginAccountCeiling: Int,
        maxRegistrationsPerAddress: Int, failedLoginHashesPerSecond: Double
    ) {
        self.passwordHashCost = passwordHashCost
        self.throttleKey = throttleKey
        loginAccountAddressBackoff = ThrottleBackoff(free: maxLoginFailuresPerAccount)
        loginAccountBackoff = ThrottleBackoff(free: loginAccountCeiling)
        loginAddressBackoff = ThrottleBackoff(free: maxLoginFailuresPerAddress)
        passwordChangeBackoff = ThrottleBackoff(free: maxLoginFailuresPerAccount)
        registerAddressWindow = ThrottleWindow(limit: maxRegistrationsPerAddress, length: .seconds(60 * 60))
        self.failedLoginHashesPerSecond = failedLoginHashesPerSecond
    }
}
