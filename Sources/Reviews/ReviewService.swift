import Activity
import Foundation
import Logging
import Permissions
import Postgres
import Web

/// The rules of reviews. Who may see an entry is decided by `EntryAccessPolicy` alone, inside
/// the same transaction as the read or write it guards; writes lock what the decision rests
/// on, so a revoke or an ended sponsorship that commits first always wins.
///
/// The owner sees every review of their entry; a sponsor sees only those of the sponsorship
/// through which they can see it now, so a revoke or an ended sponsorship hides its reviews at
/// once. A review the caller cannot see answers `404`, exactly like a missing id.
struct ReviewService: Sendable {
    let policy: EntryAccessPolicy
    let logger: Logger
    let store: ReviewStore
    private let activity = ActivityRecorder()

    /// Asks the sponsor of `sponsorshipId` for their word on the amend `entryId`: for the
    /// owner, through a sponsorship the amend is shared with for comments.
    func request(
        on entryId: UUID, through sponsorshipId: String, by userId: UUID, on database: PostgresLease
    ) throws -> Review {
        try database.withTransaction { connection in
            try policy.require(.owner, of: userId, to: entryId, on: connection, locking: true)
            guard try store.isAmend(entryId, on: connection) == true else { throw ReviewError.notAnAmend }
            guard let sponsorshipId = UUID(uuidString: sponsorshipId),
                try store.isSharedForComment(entryId, through: sponsorshipId, owner: userId, on: connection)
            else { throw ReviewError.notSharedForComment }
            let record = try store.insert(on: entryId, through: sponsorshipId, owner: userId, on: connection)
            try activity.record(
                .reviewRequested, by: userId, to: [record.reviewer.id],
                about: ActivitySubject(entryId: entryId, sponsorshipId: sponsorshipId, reviewId: record.id), on: connection)
            logger.info("review_requested", [
                "user_id": userId.uuidString, "entry_id": entryId.uuidString, "review_id": record.id.uuidString,
            ])
            return Review(record)
        }
    }

    /// The entry's reviews, newest first: all of them for the owner, those of their own
    /// sponsorship for a sponsor who can see the entry (recorded in its access log).
    func reviews(of entryId: UUID, for userId: UUID, on database: PostgresLease) throws -> [Review] {
        // One snapshot for the decision and the read: a revoke is either before both or after both.
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let grant = try policy.requireGrant(.read, of: userId, to: entryId, on: connection, locking: false)
            if grant.access != .owner { try AccessLog.record(.reviews, entry: entryId, viewer: userId, on: connection) }
            return try store.list(of: entryId, sponsorship: grant.sponsorshipId, on: connection).map(Review.init)
        }
    }

    /// One review: for the owner of its entry and the sponsor it was asked of, while they can
    /// see the entry.
    func review(_ id: UUID, for userId: UUID, on database: PostgresLease) throws -> Review {
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let (record, access) = try visible(id, for: userId, action: "read", locking: false, on: connection)
            if access != .owner { try AccessLog.record(.reviews, entry: record.entryId, viewer: userId, on: connection) }
            return Review(record)
        }
    }

    /// The reviews the caller is asked for, through sponsorships that still share the entry
    /// with them, newest first.
    func assigned(
        to userId: UUID, state: ReviewState, paging: PageRequest<ReviewPosition>, on database: PostgresLease
    ) throws -> Page<Review> {
        let records = try store.assigned(
            to: userId, state: state, after: paging.after, limit: paging.fetchLimit, on: try database.connection())
        return paging.page(records.map { (Review($0), $0.position) })
    }

    /// Gives (or gives again) the verdict on the entry's current version: for the sponsor the
    /// review was asked of, while they have `comment` access.
    func decide(
        _ id: UUID, verdict: ReviewVerdict, note: String?, by userId: UUID, on database: PostgresLease
    ) throws -> Review {
        try database.withTransaction { connection in
            let (record, access) = try visible(id, for: userId, action: "decide", locking: true, on: connection)
            guard access == .comment else { throw refusal(.forbidden, "decide", of: id, by: userId) }
            let decided = try store.decide(record, verdict: verdict, note: note, on: connection)
            try activity.record(
                .reviewDecided, by: userId, to: [decided.ownerId],
                about: ActivitySubject(entryId: decided.entryId, sponsorshipId: decided.sponsorshipId, reviewId: id),
                on: connection)
            logger.info("review_decided", [
                "user_id": userId.uuidString, "entry_id": record.entryId.uuidString, "review_id": id.uuidString,
                "verdict": verdict.rawValue,
            ])
            return Review(decided)
        }
    }

    /// Withdraws the request, decided or not: for the entry's owner.
    func withdraw(_ id: UUID, by userId: UUID, on database: PostgresLease) throws {
        try database.withTransaction { connection in
            // Locked like a verdict (the entry's key, then the review): a verdict in flight
            // commits first, and two withdrawals of one review take turns.
            let (record, access) = try visible(id, for: userId, action: "withdraw", locking: true, on: connection)
            guard access == .owner else { throw refusal(.forbidden, "withdraw", of: id, by: userId) }
            try store.delete(id, on: connection)
            logger.info("review_withdrawn", [
                "user_id": userId.uuidString, "entry_id": record.entryId.uuidString, "review_id": id.uuidString,
            ])
        }
    }

    /// The review with the caller's access to its entry, if they may see it: the owner always,
    /// a sponsor only through the review's own sponsorship. Else `404`, the same for a missing
    /// review and a hidden one. With `locking`, the review is locked after what the decision
    /// rests on (see `EntryAccessPolicy.attached`), so verdicts and withdrawals take turns.
    private func visible(
        _ id: UUID, for userId: UUID, action: String, locking: Bool, on connection: PostgresConnection
    ) throws -> (record: ReviewRecord, access: Access) {
        guard let (record, grant) = try policy.attached(
            by: userId, locking: locking, on: connection,
            find: { try store.find(id, on: connection) }, entryId: \.entryId,
            admits: { review, grant in
                grant.access == .owner || (grant.access >= .read && grant.sponsorshipId == review.sponsorshipId)
            },
            lock: { try store.lock(id, on: connection) })
        else { throw refusal(.notVisible, action, of: id, by: userId) }
        return (record, grant.access)
    }

    /// `refusal`, logged: every authorization failure is.
    private func refusal(_ refusal: AccessDenied, _ action: String, of id: UUID, by userId: UUID) -> AccessDenied {
        logger.info("review_access_denied", [
            "user_id": userId.uuidString, "review_id": id.uuidString, "action": action, "refusal": refusal.rawValue,
        ])
        return refusal
    }
}
