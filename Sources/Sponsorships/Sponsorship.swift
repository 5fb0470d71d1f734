import Auth
import Foundation
import Postgres
import Web

/// A sponsorship as the API shows it to either party.
public struct Sponsorship: Encodable, Sendable, Equatable {
    public let id: UUID
    public let sponsor: UserSummary
    public let sponsee: UserSummary
    public let status: SponsorshipStatus
    public let startedAt: Date
    @Nullable public var endedAt: Date?

    /// Reads a row of `stepwork.sponsorship_rows`.
    public init(row: PostgresRow) throws {
        id = try row.decode("id")
        sponsor = UserSummary(id: try row.decode("sponsor_id"), displayName: try row.decode("sponsor_name"))
        sponsee = UserSummary(id: try row.decode("sponsee_id"), displayName: try row.decode("sponsee_name"))
        status = try row.decode("status")
        startedAt = try row.decode("started_at")
        endedAt = try row.decode("ended_at")
    }
}
