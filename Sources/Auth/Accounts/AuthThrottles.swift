/// The throttles that guard the account endpoints, and what they share: the key, the
/// addresses accounts are known at, and the process's failed-hash budget.
struct AuthThrottles: Sendable {
    /// Failed logins per account from one client address.
    let loginAccountAddress: Throttle
    /// Failed logins per account from addresses it is not known at.
    let loginAccount: Throttle
    /// Failed logins per client address.
    let loginAddress: Throttle
    /// Wrong current passwords per user.
    let passwordChange: Throttle
    /// Registrations per client address.
    let register: Throttle
    let knownAddresses: KnownAddresses
    let failedHashes: FailedHashBudget

    init(_ settings: AuthSettings) {
        let key = settings.throttleKey
        loginAccountAddress = Throttle(scope: .loginAccountAddress, backoff: settings.loginAccountAddressBackoff, key: key)
        loginAccount = Throttle(scope: .loginAccount, backoff: settings.loginAccountBackoff, key: key)
        loginAddress = Throttle(scope: .loginAddress, backoff: settings.loginAddressBackoff, key: key)
        passwordChange = Throttle(scope: .passwordChange, backoff: settings.passwordChangeBackoff, key: key)
        register = Throttle(scope: .registerAddress, window: settings.registerAddressWindow, key: key)
        knownAddresses = KnownAddresses(key: key)
        failedHashes = FailedHashBudget(perSecond: settings.failedLoginHashesPerSecond)
    }
}
