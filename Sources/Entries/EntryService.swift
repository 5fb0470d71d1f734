import Foundation
import Permissions
import Postgres
import Web

/// The rules of entries: anyone writes their own; the owner, and sponsors the owner shared an
/// entry with, read it; only the owner changes or deletes it. Access comes from
/// `EntryAccessPolicy`, checked in the same transaction as the action.
struct EntryService: Sendable {
    let pool: PostgresPool
    let policy: EntryAccessPolicy
    let store = EntryStore()

    func create(_ input: NewEntryInput, by owner: UUID) throws -> Entry {
        let content = try input.validated()
        return try pool.withTransaction { connection in
            Entry(try store.insert(owner: owner, kind: input.kind, content: content, on: connection), access: .owner)
        }
    }

    func entry(_ id: UUID, for caller: UUID) throws -> Entry {
        try pool.withTransaction { connection in
            let access = try policy.require(.read, of: caller, to: id, on: connection, locking: false)
            guard let record = try store.find(id, on: connection) else { throw HTTPError.notFound() }
            return Entry(record, access: access)
        }
    }

    /// Applies `patch` if `ifMatch` names the current version: `428` without it, `412` when
    /// stale (also when another update wins a race for the same version); nothing changes then.
    func update(_ id: UUID, with patch: EntryPatchInput, ifMatch: String?, by caller: UUID) throws -> Entry {
        try pool.withTransaction { connection in
            try policy.require(.owner, of: caller, to: id, on: connection, locking: true)
            guard let ifMatch else { throw HTTPError.preconditionRequired() }
            guard let current = try store.find(id, on: connection) else { throw HTTPError.notFound() }
            guard EntryVersionTag.version(fromIfMatch: ifMatch) == current.version else {
                throw HTTPError.versionConflict()
            }
            let content = try patch.applied(to: current.content, kind: current.kind)
            guard let updated = try store.update(id, from: current.version, to: content, on: connection) else {
                throw HTTPError.versionConflict()
            }
            return Entry(updated, access: .owner)
        }
    }

    /// Deletes the entry; its shares and comments go with it (the schema cascades).
    func delete(_ id: UUID, by caller: UUID) throws {
        try pool.withTransaction { connection in
            // Ownership never changes, so this check needs no lock. With one (KEY SHARE), two
            // deletes of the same entry would each wait for the other's lock: a deadlock.
            try policy.require(.owner, of: caller, to: id, on: connection, locking: false)
            try store.delete(id, on: connection)
        }
    }

    func list(of owner: UUID, filter: EntryFilter, page: PageRequest<EntryPosition>) throws -> Page<Entry> {
        let records = try pool.withConnection { connection in
            try store.list(owner: owner, filter: filter, after: page.after, limit: page.fetchLimit, on: connection)
        }
        return page.page(records.map { (Entry($0, access: .owner), $0.position) })
    }

    /// Where `owner`'s own amends stand; nobody else's are counted.
    func amendSummary(of owner: UUID) throws -> AmendSummary {
        try pool.withConnection { connection in try store.amendSummary(owner: owner, on: connection) }
    }

    /// Entries shared with `sponsor` through active sponsorships, as the policy lists them.
    func shared(with sponsor: UUID, sponseeId: UUID?, page: PageRequest<EntryPosition>) throws -> Page<Entry> {
        // One snapshot for both statements: every listed entry is still there to be read.
        try pool.withTransaction(isolation: .repeatableRead) { connection in
            let grants = try policy.sharedEntries(
                with: sponsor, sponseeId: sponseeId, after: page.after, limit: page.fetchLimit, on: connection)
            let records = try store.find(grants.map(\.entryId), on: connection)
            let byId = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
            return page.page(grants.compactMap { grant in
                byId[grant.entryId].map { (Entry($0, access: grant.access), grant.position) }
            })
        }
    }
}
