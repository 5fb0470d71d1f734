import Foundation

/// What a user may do with an entry, and for a sponsor the sponsorship that grants it: a
/// sponsor acts on an entry (and sees its reviews) only through that one sponsorship.
public struct EntryGrant: Sendable, Equatable {
    public let access: Access
    /// The active sponsorship whose share gives a sponsor `access`; nil for the owner and for
    /// those without access.
    public let sponsorshipId: UUID?

    public static let none = EntryGrant(access: .none, sponsorshipId: nil)
}
