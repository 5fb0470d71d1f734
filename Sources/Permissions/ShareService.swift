import Activity
import Foundation
import Postgres

/// The rules of shares: only an entry's owner lists, grants, changes and revokes them, and
/// only through an active sponsorship in which the owner is the sponsee.
struct ShareService: Sendable {
    let policy: EntryAccessPolicy
    let store = ShareStore()
    let activity = ActivityRecorder()

    func shares(of entryId: UUID, for caller: UUID, on database: PostgresLease) throws -> [Share] {
        // One statement would be one snapshot; two need a transaction to share one.
        try database.withTransaction(isolation: .repeatableRead) { connection in
            try policy.require(.owner, of: caller, to: entryId, on: connection, locking: false)
            return try store.list(entryId: entryId, on: connection)
        }
    }

    /// Creates or changes the share; a new one is reported to its sponsor (`entry_shared`), a
    /// change of access is not. `sponsorshipId` is as sent: one that does not parse is
    /// as invalid as one that does not qualify, once the entry itself is known to be visible.
    func put(_ access: ShareAccess, on entryId: UUID, through sponsorshipId: String, by caller: UUID, on database: PostgresLease) throws -> Share {
        try database.withTransaction { connection in
            try policy.require(.owner, of: caller, to: entryId, on: connection, locking: true)
            guard let sponsorshipId = UUID(uuidString: sponsorshipId),
                let sponsor = try store.activeSponsor(of: sponsorshipId, sponsee: caller, on: connection)
            else { throw ShareError.invalidSponsorship }
            let (share, created) = try store.put(
                entryId: entryId, sponsorshipId: sponsorshipId, owner: caller, sponsor: sponsor, access: access,
                on: connection)
            if created {
                try activity.record(
                    .entryShared, by: caller, to: [sponsor.id],
                    about: ActivitySubject(entryId: entryId, sponsorshipId: sponsorshipId), on: connection)
            }
            return share
        }
    }

    /// Ends the share, if there is one: the sponsor loses access when this commits.
    func revoke(on entryId: UUID, through sponsorshipId: String, by caller: UUID, on database: PostgresLease) throws {
        try database.withTransaction { connection in
            try policy.require(.owner, of: caller, to: entryId, on: connection, locking: true)
            if let sponsorshipId = UUID(uuidString: sponsorshipId) {
                try store.delete(entryId: entryId, sponsorshipId: sponsorshipId, on: connection)
            }
        }
    }
}
