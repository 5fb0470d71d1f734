import Encryption
import Postgres

/// Seals the notes of reviews written before encryption at rest.
public struct ReviewTextSealer: ClearTextSealer {
    public let table = "reviews"
    private let store: ReviewStore

    public init(keys: DataKeys) {
        store = ReviewStore(keys: keys)
    }

    public func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.reviews WHERE note IS NOT NULL")[0].decode("n")
    }

    public func sealClearRows(limit: Int, on connection: PostgresConnection) throws -> Int {
        try store.sealClearRows(limit: limit, on: connection)
    }
}
