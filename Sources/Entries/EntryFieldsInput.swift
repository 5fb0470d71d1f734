/// `fields` as a client sent them, before they are checked against the entry's kind.
///
/// Every key any kind knows is read here (all are strings, whatever the kind); which of them
/// the entry's kind allows is `EntryValidator`'s business. Keys no kind knows are refused by
/// the strict decoder.
struct EntryFieldsInput: Decodable, Sendable {
    enum Key: String, CodingKey, CaseIterable {
        case person, relationship, harm, plan, restitution, method, status, riskToOthers, riskNotes, madeOn
        case outcome, response, revisitOn
        case date, name
    }

    /// The keys present in the object, including those sent as `null`.
    let sent: Set<Key>
    /// The values that are not `null`.
    private let values: [Key: String]

    init(values: [Key: String]) {
        sent = Set(values.keys)
        self.values = values
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        sent = Set(container.allKeys)
        var values: [Key: String] = [:]
        for key in container.allKeys {
            values[key] = try container.decodeIfPresent(String.self, forKey: key)
        }
        self.values = values
    }

    subscript(key: Key) -> String? { values[key] }

    /// `current` with these fields applied key by key: a key sent replaces (`null` clears) the
    /// current value, a key not sent keeps it. What was sent stays `sent`.
    func merged(over current: EntryFieldsInput) -> EntryFieldsInput {
        EntryFieldsInput(sent: sent, values: current.values.filter { !sent.contains($0.key) }.merging(values) { $1 })
    }

    private init(sent: Set<Key>, values: [Key: String]) {
        self.sent = sent
        self.values = values
    }
}
