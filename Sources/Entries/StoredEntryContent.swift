import Encryption
import Foundation

/// An entry's content as the columns of `stepwork.entries` hold it: title, body and the texts
/// of `fields` sealed under the owner's data key; the choices and dates of `fields` clear.
struct StoredEntryContent: Sendable {
    let titleSealed: [UInt8]
    let bodySealed: [UInt8]
    /// The clear members of `fields`, a JSON object.
    let fields: String
    /// The texts of `fields`, a sealed JSON object; nil when there are none.
    let fieldsSealed: [UInt8]?

    init(_ content: EntryContent, kind: EntryKind, texts: RowTexts) throws {
        titleSealed = try texts.seal(content.title, column: "title")
        bodySealed = try texts.seal(content.body, column: "body")
        let (clear, fieldTexts) = try content.fields.stored(kind: kind)
        fields = clear
        fieldsSealed = try fieldTexts.map { try texts.seal($0, column: "fields") }
    }
}
