/// The rows a statement returned, decoded on demand; valid after the connection is returned.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult

    public var startIndex: Int { 0 }
    public var endIndex: Int { result.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index out of range")
        return PostgresRow(result: result, index: position)
    }

    /// How many rows the statement inserted, updated, deleted or selected (from the command tag).
    public var affectedRows: Int { result.affectedRows }
}
