import Encryption
import Postgres

/// Seals the bodies of comments written before encryption at rest.
public struct CommentTextSealer: ClearTextSealer {
    public let table = "comments"
    private let store: CommentStore

    public init(keys: DataKeys) {
        store = CommentStore(keys: keys)
    }

    public func countClearRows(on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM stepwork.comments WHERE body_sealed IS NULL AND body <> ''")[0]
            .decode("n")
    }

    public func sealClearRows(limit: Int, on connection: PostgresConnection) throws -> Int {
        try store.sealClearRows(limit: limit, on: connection)
    }
}
