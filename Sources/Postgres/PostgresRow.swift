/// One row of `PostgresRows`; its columns are read by name.
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let index: Int

    /// The value of the column named exactly `column`.
    ///
    ///     let email = try row.decode("email", as: String.self)
    ///     let sobriety: CalendarDate? = try row.decode("sobriety_date")
    ///
    /// Throws `PostgresError.decoding` naming the column when it is missing, NULL for a
    /// non-optional type, or its text is not a valid `Value`.
    public func decode<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws(PostgresError) -> Value {
        guard let columnIndex = result.column(named: column) else {
            throw .decoding(column: column, expected: "\(Value.self)", found: "no such column")
        }
        guard let decoded = result.withBytes(row: index, column: columnIndex, Value.init(postgresBytes:)) else {
            guard let null = Value.postgresNull else {
                throw .decoding(column: column, expected: "\(Value.self)", found: "NULL")
            }
            return null
        }
        guard let value = decoded else {
            throw .decoding(column: column, expected: "\(Value.self)",
                            found: "a value of type OID \(result.type(ofColumn: columnIndex))")
        }
        return value
    }
}
