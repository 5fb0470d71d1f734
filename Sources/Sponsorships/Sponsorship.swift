import Auth
import Foundation
import Web

/// A sponsorship as the API shows it to either party.
public struct Sponsorship: Encodable, Sendable, Equatable {
    public let id: UUID
    public let sponsor: UserSummary
    public let sponsee: UserSummary
    public let status: SponsorshipStatus
    public let startedAt: Date
    @Nullable public var endedAt: Date?
}
