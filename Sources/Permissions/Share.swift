import Auth
import Foundation

/// A share as its entry's owner sees it: which sponsor, through which sponsorship, may do what.
public struct Share: Encodable, Sendable, Equatable {
    public let entryId: UUID
    public let sponsorshipId: UUID
    public let sponsor: UserSummary
    public let access: ShareAccess
    public let grantedAt: Date
}
