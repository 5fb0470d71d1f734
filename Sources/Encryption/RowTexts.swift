import Foundation
import Postgres

/// The texts of one stored row: each in a clear column (`body`) or, once sealed, in its
/// `_sealed` twin (`body_sealed`), opened and sealed with the owner's cipher and the row's
/// identity (table, id, column, data key version) as associated data.
public struct RowTexts: Sendable {
    public let table: String
    public let id: UUID
    /// The owner's cipher; nil to read a row of an owner without a data key (all clear).
    public let cipher: FieldCipher?

    public init(table: String, id: UUID, cipher: FieldCipher?) {
        self.table = table
        self.id = id
        self.cipher = cipher
    }

    /// `column`'s text in `row`: sealed if `<column>_sealed` is set, else the clear column.
    public func text(_ column: String, in row: PostgresRow) throws -> String {
        try optionalText(column, in: row) ?? ""
    }

    /// As `text`, but nil where both columns are NULL.
    public func optionalText(_ column: String, in row: PostgresRow) throws -> String? {
        guard let sealed = try row.decode("\(column)_sealed", as: [UInt8]?.self) else {
            return try row.decode(column, as: String?.self)
        }
        return try open(sealed, column: column)
    }

    /// The text sealed for `column` of this row.
    public func open(_ sealed: [UInt8], column: String) throws(SealedTextError) -> String {
        do throws(EncryptionError) {
            guard let cipher else { throw .noDataKey }
            return try cipher.open(SealedField(bytes: sealed), for: field(column))
        } catch {
            throw SealedTextError(place: "\(table).\(column)", row: id, cause: error)
        }
    }

    /// `text` sealed for `column` of this row, in its stored form.
    /// - Precondition: the texts have a cipher.
    public func seal(_ text: String, column: String) throws(SealedTextError) -> [UInt8] {
        guard let cipher else { preconditionFailure("sealing needs the owner's cipher") }
        do throws(EncryptionError) {
            return try cipher.seal(text, for: field(column)).bytes
        } catch {
            throw SealedTextError(place: "\(table).\(column)", row: id, cause: error)
        }
    }

    private func field(_ column: String) -> FieldIdentity {
        FieldIdentity(table: table, row: id, column: column)
    }
}
