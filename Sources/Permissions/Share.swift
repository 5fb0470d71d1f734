import Auth
import Foundation
import Postgres

/// A share as its entry's owner sees it: which sponsor, through which sponsorship, may do what.
public struct Share: Encodable, Sendable, Equatable {
    public let entryId: UUID
    public let sponsorshipId: UUID
    public let sponsor: UserSummary
    public let access: ShareAccess
    public let grantedAt: Date

    init(entryId: UUID, sponsorshipId: UUID, sponsor: UserSummary, access: ShareAccess, grantedAt: Date) {
        self.entryId = entryId
        self.sponsorshipId = sponsorshipId
        self.sponsor = sponsor
        self.access = access
        self.grantedAt = grantedAt
    }

    /// Reads `entry_id`, `sponsorship_id`, `access`, `granted_at`, `sponsor_id` and `sponsor_name`.
    public init(row: PostgresRow) throws {
        entryId = try row.decode("entry_id")
        sponsorshipId = try row.decode("sponsorship_id")
        sponsor = UserSummary(id: try row.decode("sponsor_id"), displayName: try row.decode("sponsor_name"))
        access = try row.decode("access")
        grantedAt = try row.decode("granted_at")
    }
}
