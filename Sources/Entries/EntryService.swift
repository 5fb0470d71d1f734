import Encryption
import Foundation
import Permissions
import Postgres
import Web

/// The rules of entries: anyone writes their own; the owner, and sponsors the owner shared an
/// entry with, read it; only the owner changes or deletes it. Access comes from
/// `EntryAccessPolicy`, decided in the same statement or transaction as the action.
struct EntryService: Sendable {
    let policy: EntryAccessPolicy
    let store: EntryStore

    func create(_ input: NewEntryInput, by owner: UUID, on database: PostgresLease) throws -> Entry {
        let content = try input.validated()
        return try database.withTransaction { connection in
            Entry(try store.insert(owner: owner, kind: input.kind, content: content, on: connection), access: .owner)
        }
    }

    /// The entry as `caller` may see it: access and row from one statement.
    func entry(_ id: UUID, for caller: UUID, on database: PostgresLease) throws -> Entry {
        let (access, row) = try policy.readable(id, by: caller, on: try database.connection())
        return Entry(try store.record(row), access: access)
    }

    /// Applies `patch` if `ifMatch` names the current version: `428` without it, `412` when
    /// stale (also when another update wins a race for the same version); nothing changes then.
    func update(
        _ id: UUID, with patch: EntryPatchInput, ifMatch: String?, by caller: UUID, on database: PostgresLease
    ) throws -> Entry {
        try database.withTransaction { connection in
            try policy.require(.owner, of: caller, to: id, on: connection, locking: true)
            guard let ifMatch else { throw EntryError.preconditionRequired }
            guard let current = try store.find(id, on: connection) else { throw AccessDenied.notVisible }
            guard EntryVersionTag.version(fromIfMatch: ifMatch) == current.version else {
                throw EntryError.versionConflict
            }
            let content = try patch.applied(to: current.content, kind: current.kind)
            guard let updated = try store.update(current, to: content, on: connection) else {
                throw EntryError.versionConflict
            }
            return Entry(updated, access: .owner)
        }
    }

    /// Deletes the entry; its shares and comments go with it (the schema cascades).
    func delete(_ id: UUID, by caller: UUID, on database: PostgresLease) throws {
        try database.withTransaction { connection in
            // Ownership never changes, so this check needs no lock. With one (KEY SHARE), two
            // deletes of the same entry would each wait for the other's lock: a deadlock.
            try policy.require(.owner, of: caller, to: id, on: connection, locking: false)
            try store.delete(id, on: connection)
        }
    }

    func list(
        of owner: UUID, filter: EntryFilter, page: PageRequest<EntryPosition>, on database: PostgresLease
    ) throws -> Page<Entry> {
        let records = try store.list(
            owner: owner, filter: filter, after: page.after, limit: page.fetchLimit, on: try database.connection())
        return page.page(records.map { (Entry($0, access: .owner), $0.position) })
    }

    /// Where `owner`'s own amends stand; nobody else's are counted.
    func amendSummary(of owner: UUID, on database: PostgresLease) throws -> AmendSummary {
        try store.amendSummary(owner: owner, on: try database.connection())
    }

    /// Entries shared with `sponsor` through active sponsorships, as the policy lists them.
    func shared(
        with sponsor: UUID, sponseeId: UUID?, page: PageRequest<EntryPosition>, on database: PostgresLease
    ) throws -> Page<Entry> {
        let shared = try policy.sharedEntries(
            with: sponsor, sponseeId: sponseeId, after: page.after, limit: page.fetchLimit, shown: page.limit,
            on: try database.connection())
        return page.page(try shared.map { grant, row in
            (Entry(try store.record(row), access: grant.access), grant.position)
        })
    }
}
