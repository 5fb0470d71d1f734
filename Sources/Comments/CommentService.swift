import Activity
import Foundation
import Logging
import Permissions
import Postgres
import Web

/// The rules of comment threads. Who may see an entry, and so its thread, is decided by
/// `EntryAccessPolicy` alone, inside the same transaction as the read or write it guards;
/// writes lock what the decision rests on, so a revoke or an ended sponsorship that commits
/// first always wins.
///
/// A comment whose entry the caller cannot see answers `404`, exactly like a missing id.
struct CommentService: Sendable {
    let policy: EntryAccessPolicy
    let logger: Logger
    let store: CommentStore
    private let activity = ActivityRecorder()

    /// A page of the thread of `entryId`, oldest first: for anyone who can see the entry; a
    /// reader other than the owner is recorded in its access log in the same transaction.
    func thread(of entryId: UUID, paging: PageRequest<CommentPosition>, for userId: UUID, on database: PostgresLease) throws -> Page<Comment> {
        // One snapshot for the decision and the read: a revoke is either before both or after both.
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let access = try policy.require(.read, of: userId, to: entryId, on: connection, locking: false)
            if access != .owner { try AccessLog.record(.comments, entry: entryId, viewer: userId, on: connection) }
            let records = try store.thread(of: entryId, after: paging.after, limit: paging.fetchLimit, on: connection)
            return paging.page(records.map { (Comment($0), $0.position) })
        }
    }

    /// One comment: for anyone who can see its entry. A reader other than the owner is
    /// recorded in the entry's access log (`comments`), in the same transaction.
    func comment(_ id: UUID, for userId: UUID, on database: PostgresLease) throws -> Comment {
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let (record, access) = try visible(id, for: userId, action: "read", locking: false, on: connection)
            if access != .owner { try AccessLog.record(.comments, entry: record.entryId, viewer: userId, on: connection) }
            return Comment(record)
        }
    }

    /// Writes a comment on `entryId`, answering `parentId` if given: for the owner and
    /// sponsors with `comment` access. `parentId` must name a comment of the same entry,
    /// possibly a deleted one (a reply to a tombstone keeps the conversation's shape).
    /// The other party of the thread hears of it (`comment_added`, see `EntryAudience.otherParty`).
    func post(_ body: CommentBody, replyingTo parentId: String?, on entryId: UUID, by userId: UUID, on database: PostgresLease) throws -> Comment {
        try database.withTransaction { connection in
            try policy.require(.comment, of: userId, to: entryId, on: connection, locking: true)
            let parent = try parentId.map { text in
                guard let id = UUID(uuidString: text) else { throw CommentError.invalidParent }
                return id
            }
            let record = try store.insert(on: entryId, parentId: parent, author: userId, body: body, on: connection)
            if let audience = try policy.audience(of: entryId, on: connection) {
                try activity.record(
                    .commentAdded, by: userId, to: audience.otherParty(of: userId),
                    about: ActivitySubject(entryId: entryId, commentId: record.id), on: connection)
            }
            logger.info("comment_posted", [
                "user_id": userId.uuidString, "entry_id": entryId.uuidString, "comment_id": record.id.uuidString,
            ])
            return Comment(record)
        }
    }

    /// Replaces the text of a comment: for its author while they can see the entry. A
    /// tombstone cannot be edited (`409 comment_deleted`).
    func edit(_ id: UUID, body: CommentBody, by userId: UUID, on database: PostgresLease) throws -> Comment {
        try database.withTransaction { connection in
            let record = try visible(id, for: userId, action: "edit", locking: true, on: connection).record
            guard record.author?.id == userId else { throw refusal(.forbidden, "edit", of: id, by: userId) }
            guard !record.isDeleted else { throw CommentError.deleted }
            let edited = try store.edit(record, body: body, on: connection)
            logger.info("comment_edited", [
                "user_id": userId.uuidString, "entry_id": record.entryId.uuidString, "comment_id": id.uuidString,
            ])
            return Comment(edited)
        }
    }

    /// Leaves a tombstone in place of a comment: for its author while they can see the entry,
    /// and for the entry's owner. Deleting a tombstone again changes nothing and succeeds.
    func delete(_ id: UUID, by userId: UUID, on database: PostgresLease) throws {
        try database.withTransaction { connection in
            let (record, access) = try visible(id, for: userId, action: "delete", locking: true, on: connection)
            guard record.author?.id == userId || access == .owner else {
                throw refusal(.forbidden, "delete", of: id, by: userId)
            }
            try store.delete(id, on: connection)
            logger.info("comment_deleted", [
                "user_id": userId.uuidString, "entry_id": record.entryId.uuidString, "comment_id": id.uuidString,
            ])
        }
    }

    /// The comment with the caller's access to its entry, if they can see the entry; else
    /// `404`, the same for a missing comment and a hidden one. With `locking`, the comment is
    /// locked after what the decision rests on (see `EntryAccessPolicy.attached`).
    private func visible(
        _ id: UUID, for userId: UUID, action: String, locking: Bool, on connection: PostgresConnection
    ) throws -> (record: CommentRecord, access: Access) {
        guard let (record, grant) = try policy.attached(
            by: userId, locking: locking, on: connection,
            find: { try store.find(id, on: connection) }, entryId: \.entryId,
            admits: { _, grant in grant.access >= .read }, lock: { try store.lock(id, on: connection) })
        else { throw refusal(.notVisible, action, of: id, by: userId) }
        return (record, grant.access)
    }

    /// `refusal`, logged: every authorization failure is.
    private func refusal(_ refusal: AccessDenied, _ action: String, of id: UUID, by userId: UUID) -> AccessDenied {
        logger.info("comment_access_denied", [
            "user_id": userId.uuidString, "comment_id": id.uuidString, "action": action, "refusal": refusal.rawValue,
        ])
        return refusal
    }
}
