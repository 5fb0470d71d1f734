import Foundation

/// The answer to a registration or login: the user and a new bearer token.
struct SignInOutput: Encodable, Sendable {
    let user: UserOutput
    let token: String
    /// When the session ends at the latest (an idle session ends sooner).
    let expiresAt: Date
}
