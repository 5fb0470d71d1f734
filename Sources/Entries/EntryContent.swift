/// What an owner writes into an entry, already validated against its kind.
struct EntryContent: Sendable, Equatable {
    var title: String
    var body: String
    var step: Int?
    var fields: EntryFields
}
