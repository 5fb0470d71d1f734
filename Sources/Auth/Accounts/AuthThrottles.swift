/// The throttles that guard the account endpoints.
struct AuthThrottles: Sendable {
    /// Failed logins (and failed current-password checks) per account email.
    let loginAccount: Throttle
    /// Failed logins per client address.
    let loginAddress: Throttle
    /// Registrations per client address.
    let register: Throttle

    init(_ settings: AuthSettings) {
        loginAccount = Throttle(scope: .loginAccount, window: settings.loginAccountWindow)
        loginAddress = Throttle(scope: .loginAddress, window: settings.loginAddressWindow)
        register = Throttle(scope: .registerAddress, window: settings.registerAddressWindow)
    }
}
