import Foundation

/// Who can see an entry now: its owner and the sponsors it is shared with (any access) through
/// their active sponsorships — the two sides of its comment thread.
public struct EntryAudience: Sendable, Equatable {
    public let ownerId: UUID
    public let sponsorIds: [UUID]

    /// The other party of the thread for `userId`: every sponsor who can see the entry when the
    /// owner writes, the owner when a sponsor writes. Sponsors are not each other's party: each
    /// one's conversation is with the sponsee.
    public func otherParty(of userId: UUID) -> [UUID] {
        userId == ownerId ? sponsorIds : [ownerId]
    }
}
