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

    /// The members of `kind`'s fields that a user writes, sealed at rest; the others are choices
    /// and dates, which stay in the clear for SQL (the amend summary counts them).
    static func textKeys(of kind: EntryKind) -> Set<String> {
        switch kind {
        case .journal, .stepWork, .inventory: []
        case .amend: ["person", "relationship", "harm", "plan", "restitution", "riskNotes", "outcome"]
        case .meeting: ["name"]
        }
    }

    /// The stored form for an entry of `kind`: the clear members as a JSON object, and the
    /// texts as another (nil when there are none), to be sealed.
    func stored(kind: EntryKind) throws -> (clear: String, texts: String?) {
        let textKeys = Self.textKeys(of: kind)
        guard !textKeys.isEmpty else { return (String(decoding: try JSONEncoder().encode(self), as: UTF8.self), nil) }
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(self)) as? [String: Any] ?? [:]
        let texts = object.filter { textKeys.contains($0.key) && !($0.value is NSNull) }
        return (try Self.json(object.filter { !textKeys.contains($0.key) }), texts.isEmpty ? nil : try Self.json(texts))
    }

    /// Reads fields as stored: the clear members and, once sealed, the opened texts. The two
    /// objects have no key in common (`stored(kind:)` splits them), so they join as text.
    init(stored clear: String, texts: String?, kind: EntryKind) throws {
        guard let texts else {
            try self.init(stored: clear, kind: kind)
            return
        }
        let clearMembers = clear.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
        try self.init(stored: clearMembers.isEmpty ? texts : "{\(clearMembers), \(texts.dropFirst())", kind: kind)
    }

    /// Reads fields as stored in the clear (validated on the way in) for an entry of `kind`.
    init(stored json: String, kind: EntryKind) throws {
        let data = Data(json.utf8)
        let decoder = JSONDecoder()
        switch kind {
        case .journal, .stepWork, .inventory: self = .empty
        case .amend: self = .amend(try decoder.decode(AmendFields.self, from: data))
        case .meeting: self = .meeting(try decoder.decode(MeetingFields.self, from: data))
        }
    }

    private static func json(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
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
