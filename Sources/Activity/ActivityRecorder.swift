import Foundation
import Postgres

/// The one way the modules where things happen (shares, comments, reviews, sponsorships)
/// report them: inside their own transaction, so an item exists exactly when its action
/// committed.
///
/// Each item is announced with `NOTIFY` on `ActivityRecorder.channel` in the same
/// transaction; PostgreSQL delivers it only on commit. The payload is `<recipient> <item id>`:
/// ids only, never content.
public struct ActivityRecorder: Sendable {
    /// The `LISTEN` channel of new items.
    public static let channel = "stepwork_activity"

    public init() {}

    /// Writes one item of `type` by `actor` about `subject` for each of `recipients`, except
    /// the actor themselves (nobody receives their own items) and repeats.
    public func record(
        _ type: ActivityType, by actor: UUID, to recipients: [UUID], about subject: ActivitySubject,
        on connection: PostgresConnection
    ) throws {
        var notified = Set<UUID>()
        for recipient in recipients where recipient != actor && notified.insert(recipient).inserted {
            // The id is made here: the row-level security of `activity` lets the actor insert an
            // item but not read it back, so `RETURNING` is not an option.
            let id = UUID()
            try connection.execute("""
                INSERT INTO stepwork.activity
                    (id, recipient_id, actor_id, type, entry_id, sponsorship_id, comment_id, review_id)
                VALUES (\(id), \(recipient), \(actor), \(type.rawValue), \(subject.entryId), \(subject.sponsorshipId),
                        \(subject.commentId), \(subject.reviewId))
                """)
            _ = try connection.query("SELECT pg_notify(\(Self.channel), \(recipient.uuidString + " " + id.uuidString))")
        }
    }
}
