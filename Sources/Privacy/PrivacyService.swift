import Auth
import Foundation
import HTTPServer
import Logging
import Postgres
import Web

/// The account's own data: its export, its deletion and the lockdown. Each runs in one
/// transaction on the request's connection; the password, when asked, is checked before.
struct PrivacyService: Sendable {
    let account: AccountData
    let logger: Logger
    let store: PrivacyStore
    /// Entries (with their threads) and comments read per statement while exporting.
    static let exportBatch = 100

    /// Revokes every share of the caller's entries and, when asked, ends their sponsorships
    /// and their other sessions: one transaction, committed before the answer.
    func lockdown(_ input: (endSponsorships: Bool, endOtherSessions: Bool), of caller: Caller, on database: PostgresLease) throws -> LockdownResult {
        let result = try database.withTransaction { connection in
            LockdownResult(
                sharesRevoked: try store.revokeShares(of: caller.userId, on: connection),
                sponsorshipsEnded: input.endSponsorships
                    ? try store.endSponsorships(of: caller.userId, on: connection) : 0,
                sessionsEnded: input.endOtherSessions
                    ? try account.endOtherSessions(of: caller, on: connection) : 0)
        }
        logger.info("lockdown", [
            "user_id": caller.userId.uuidString, "shares_revoked": String(result.sharesRevoked),
            "sponsorships_ended": String(result.sponsorshipsEnded), "sessions_ended": String(result.sessionsEnded),
        ])
        return result
    }

    /// Deletes the caller's account as API.md says, in one transaction.
    func deleteAccount(of caller: Caller, on database: PostgresLease) throws {
        try database.withTransaction { connection in
            guard try store.lockUser(caller.userId, on: connection) else { throw PrivacyError.accountGone }
            _ = try store.endSponsorships(of: caller.userId, on: connection)
            try store.tombstoneComments(on: connection)
            try store.deleteAccount(caller.userId, on: connection)
        }
        logger.info("account_deleted", ["user_id": caller.userId.uuidString])
    }

    /// Writes everything the caller owns or wrote, from one `REPEATABLE READ` snapshot, into a
    /// temporary file read by batches, and returns it as the body (memory stays flat).
    func export(of caller: Caller, on database: PostgresLease) throws -> (body: HTTPFileBody, exportedAt: Date) {
        let file = try ExportFile()
        let exportedAt = Date()
        var entryCount = 0
        try database.withTransaction(isolation: .repeatableRead) { connection in
            let header = ExportHeader(
                exportedAt: exportedAt, user: try account.user(of: caller, on: connection),
                sponsorships: try store.sponsorships(of: caller.userId, on: connection))
            // The header object without its closing brace; the streamed members follow.
            try file.write(Array(try JSONOutput.encode(header).dropLast()))
            try file.write(",\"entries\":[")
            var continuing = false
            var after = UUID.zero
            while true {
                let batch = try store.entries(of: caller.userId, after: after, limit: Self.exportBatch, on: connection)
                try file.write(array: batch, continuing: &continuing)
                entryCount += batch.count
                guard batch.count == Self.exportBatch, let last = batch.last else { break }
                after = last.entry.id
            }
            try file.write("],\"commentsElsewhere\":[")
            continuing = false
            after = .zero
            while true {
                let batch = try store.commentsElsewhere(after: after, limit: Self.exportBatch, on: connection)
                try file.write(array: batch, continuing: &continuing)
                guard batch.count == Self.exportBatch, let last = batch.last else { break }
                after = last.id
            }
            try file.write("],\"sessions\":")
            try file.write(json: try account.sessions(of: caller, on: connection))
            try file.write("}")
        }
        logger.info("account_exported", ["user_id": caller.userId.uuidString, "entries": String(entryCount)])
        return (try file.body(), exportedAt)
    }
}
