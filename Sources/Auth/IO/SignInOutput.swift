import Foundation

/// The answer to a registration or login: the user and a new bearer token (left out when the
/// session travels in a cookie instead).
struct SignInOutput: Encodable, Sendable {
    let user: UserOutput
    var token: String?
    /// When the session ends at the latest (an idle session ends sooner).
    let expiresAt: Date
}
