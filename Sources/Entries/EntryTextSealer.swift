import Encryption
import Postgres

/// Seals the texts of entries written before encryption at rest.
public struct EntryTextSealer: ClearTextSealer {
    public let table = "entries"
    private let store: EntryStore

    public init(keys: DataKeys) {
        store = EntryStore(keys: keys)
    }

    public func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.entries WHERE title_sealed IS NULL")[0].decode("n")
    }

    public func sealClearRows(limit: Int, on connection: PostgresConnection) throws -> Int {
        try store.sealClearRows(limit: limit, on: connection)
    }
}
