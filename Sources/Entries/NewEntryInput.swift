import Web

/// The body of `POST /v1/entries`.
struct NewEntryInput: Decodable, Sendable {
    let kind: EntryKind
    let title: String
    let body: String?
    let step: Int?
    let fields: EntryFieldsInput?

    /// The content to store; `400 unknown_field` for fields the kind lacks, `422` for the rest.
    func validated() throws(HTTPError) -> EntryContent {
        var validator = EntryValidator()
        let content = EntryContent(
            title: validator.title(title),
            body: validator.body(body ?? ""),
            step: validator.step(step, for: kind),
            fields: try validator.fields(fields, for: kind))
        try validator.validate()
        return content
    }
}
