/// `fields` as a client sent them, before they are checked against the entry's kind.
///
/// Every key any kind knows is read here (their types do not depend on the kind); which of
/// them the entry's kind allows is `EntryValidator`'s business. Keys no kind knows are
/// refused by the strict decoder.
struct EntryFieldsInput: Decodable, Sendable {
    enum Key: String, CodingKey, CaseIterable {
        case person, harm, plan, method, status, madeOn, date, name
    }

    /// The keys present in the object, including those sent as `null`.
    let sent: Set<Key>
    let person: String?
    let harm: String?
    let plan: String?
    let method: String?
    let status: String?
    let madeOn: String?
    let date: String?
    let name: String?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        sent = Set(container.allKeys)
        person = try container.decodeIfPresent(String.self, forKey: .person)
        harm = try container.decodeIfPresent(String.self, forKey: .harm)
        plan = try container.decodeIfPresent(String.self, forKey: .plan)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        madeOn = try container.decodeIfPresent(String.self, forKey: .madeOn)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        name = try container.decodeIfPresent(String.self, forKey: .name)
    }
}
