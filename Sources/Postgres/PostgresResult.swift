import CLibPQ
import Glibc

/// Owns one libpq `PGresult`.
///
/// `@unchecked Sendable`: a `PGresult` is never modified after libpq returns it, and libpq
/// documents results as safe to read from any thread.
final class PostgresResult: @unchecked Sendable {
    private let pointer: OpaquePointer
    let rowCount: Int
    private let columnCount: Int32

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        rowCount = Int(PQntuples(pointer))
        columnCount = PQnfields(pointer)
    }

    deinit { PQclear(pointer) }

    /// The number from the command tag (`INSERT 0 3`, `UPDATE 2`, `SELECT 5`…); 0 when there is none.
    var affectedRows: Int { Int(String(cString: PQcmdTuples(pointer))) ?? 0 }

    /// The first column whose name is exactly `name` (case-sensitive, unlike `PQfnumber`).
    func column(named name: String) -> Int32? {
        name.withCString { name in
            (0..<columnCount).first { strcmp(PQfname(pointer, $0), name) == 0 }
        }
    }

    /// The OID of the column's type, for error messages.
    func type(ofColumn column: Int32) -> UInt32 { PQftype(pointer, column) }

    /// `body` of the field's text as libpq holds it (valid only during the call), or `nil` for NULL.
    func withBytes<Value>(row: Int, column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Value) -> Value? {
        let row = Int32(row)
        guard PQgetisnull(pointer, row, column) == 0 else { return nil }
        let bytes = UnsafeRawPointer(PQgetvalue(pointer, row, column)!).assumingMemoryBound(to: UInt8.self)
        return body(UnsafeBufferPointer(start: bytes, count: Int(PQgetlength(pointer, row, column))))
    }
}
