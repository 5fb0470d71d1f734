import Foundation

/// A new invite as its inviter sees it, once: the code is never shown again.
public struct Invite: Encodable, Sendable {
    /// The code in its display form, `K7QM-2XWD-9HTB`.
    public let code: String
    public let role: InviteRole
    public let expiresAt: Date
}
