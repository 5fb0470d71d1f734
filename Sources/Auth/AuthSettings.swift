/// Auth's settings as plain values; the App maps its configuration onto them.
public struct AuthSettings: Sendable {
    /// scrypt cost (log2 N) of new password hashes; weaker stored hashes are upgraded at login.
    public var passwordHashCost: Int
    /// Failed logins per account.
    public var loginAccountWindow: ThrottleWindow
    /// Failed logins per client address.
    public var loginAddressWindow: ThrottleWindow
    /// Registrations per client address.
    public var registerAddressWindow: ThrottleWindow

    /// Settings with the operations guide's windows: login failures per 15 minutes,
    /// registrations per hour.
    public init(
        passwordHashCost: Int,
        maxLoginFailuresPerAccount: Int, maxLoginFailuresPerAddress: Int, maxRegistrationsPerAddress: Int
    ) {
        self.passwordHashCost = passwordHashCost
        loginAccountWindow = ThrottleWindow(limit: maxLoginFailuresPerAccount, length: .seconds(15 * 60))
        loginAddressWindow = ThrottleWindow(limit: maxLoginFailuresPerAddress, length: .seconds(15 * 60))
        registerAddressWindow = ThrottleWindow(limit: maxRegistrationsPerAddress, length: .seconds(60 * 60))
    }
}
