import Auth
import Encryption
import Foundation
import Postgres
import Web

/// A review as the API shows it: the sponsee's request for a sponsor's word on an amend, and
/// the verdict once given, with the entry version it speaks of.
public struct Review: Encodable, Sendable, Equatable {
    public let id: UUID
    public let entryId: UUID
    public let sponsorshipId: UUID
    public let reviewer: UserSummary
    public let requestedAt: Date
    public let requestedOnVersion: Int
    @Nullable public var verdict: ReviewVerdict?
    @Nullable public var note: String?
    @Nullable public var decidedAt: Date?
    @Nullable public var decidedOnVersion: Int?
    /// The entry has changed since the verdict; never true for an undecided review.
    public let stale: Bool

    /// A review from a row of `stepwork.review_rows` (the export reads them so), its note
    /// opened with `keys`.
    public init(row: PostgresRow, keys: DataKeys) throws {
        self.init(try ReviewRecord(row: row, keys: keys))
    }

    init(_ record: ReviewRecord) {
        id = record.id
        entryId = record.entryId
        sponsorshipId = record.sponsorshipId
        reviewer = record.reviewer
        requestedAt = record.requestedAt
        requestedOnVersion = record.requestedOnVersion
        verdict = record.verdict
        note = record.note
        decidedAt = record.decidedAt
        decidedOnVersion = record.decidedOnVersion
        stale = record.isStale
    }
}
