import Auth
import Foundation
import Postgres
import Web

/// An activity item as the API shows it:
/// `{"id","at","type","actor":{"id","displayName"},"entryId","sponsorshipId","commentId","reviewId"}`,
/// the subject ids `null` where they do not apply.
public struct Activity: Encodable, Sendable, Equatable {
    public let id: UUID
    public let at: Date
    public let type: ActivityType
    public let actor: UserSummary
    @Nullable public var entryId: UUID?
    @Nullable public var sponsorshipId: UUID?
    @Nullable public var commentId: UUID?
    @Nullable public var reviewId: UUID?

    /// From a row of `ActivityStore`'s reads.
    init(row: PostgresRow) throws {
        id = try row.decode("id")
        at = try row.decode("at")
        type = try row.decode("type")
        actor = UserSummary(id: try row.decode("actor_id"), displayName: try row.decode("actor_name"))
        entryId = try row.decode("entry_id")
        sponsorshipId = try row.decode("sponsorship_id")
        commentId = try row.decode("comment_id")
        reviewId = try row.decode("review_id")
    }
}
