import Foundation

/// An invite just marked as used by the transaction accepting it.
struct ClaimedInvite: Sendable {
    let id: UUID
    let inviterId: UUID
    let inviterRole: InviteRole
}
