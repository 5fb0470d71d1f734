import Auth
import Encryption
import Foundation
import Postgres

/// A review as the store reads it from `stepwork.review_rows`, with its exact list position.
struct ReviewRecord: Sendable {
    let id: UUID
    let entryId: UUID
    let sponsorshipId: UUID
    /// The entry's owner, who asked.
    let ownerId: UUID
    let reviewer: UserSummary
    let requestedAt: Date
    let requestedOnVersion: Int
    let verdict: ReviewVerdict?
    let note: String?
    let decidedAt: Date?
    let decidedOnVersion: Int?
    let isStale: Bool
    let position: ReviewPosition

    init(row: PostgresRow, keys: DataKeys) throws {
        id = try row.decode("id")
        entryId = try row.decode("entry_id")
        sponsorshipId = try row.decode("sponsorship_id")
        ownerId = try row.decode("owner_id")
        reviewer = UserSummary(id: try row.decode("reviewer_id"), displayName: try row.decode("reviewer_name"))
        requestedAt = try row.decode("requested_at")
        requestedOnVersion = try row.decode("requested_on_version")
        verdict = try row.decode("verdict")
        note = try RowTexts(table: "reviews", id: id, cipher: try keys.cipher(in: row, owner: ownerId))
            .optionalText("note", in: row)
        decidedAt = try row.decode("decided_at")
        decidedOnVersion = try row.decode("decided_on_version")
        isStale = try row.decode("stale")
        position = ReviewPosition(requestedAtMicros: try row.decode("requested_micros"), id: id)
    }
}
