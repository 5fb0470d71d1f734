import Foundation
import Web

/// The kind-specific part of an entry: `{}` for journal, step work and inventory entries.
public enum EntryFields: Sendable, Equatable, Encodable {
    case empty
    case amend(AmendFields)
    case meeting(MeetingFields)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .empty: try [String: String]().encode(to: encoder)
        case .amend(let fields): try fields.encode(to: encoder)
        case .meeting(let fields): try fields.encode(to: encoder)
        }
    }

    /// Reads fields as stored (validated on the way in) for an entry of `kind`.
    init(stored json: String, kind: EntryKind) throws {
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        switch kind {
        case .journal, .stepWork, .inventory: self = .empty
        case .amend: self = .amend(try decoder.decode(AmendFields.self, from: data))
        case .meeting: self = .meeting(try decoder.decode(MeetingFields.self, from: data))
        }
    }
}

extension EntryFields: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .empty: writer.object { _ in }
        case .amend(let fields): fields.write(to: &writer)
        case .meeting(let fields): fields.write(to: &writer)
        }
    }
}
