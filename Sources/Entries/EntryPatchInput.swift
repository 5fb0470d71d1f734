import Web

/// The body of `PATCH /v1/entries/{id}`: any of `title`, `body`, `step`, `fields`.
/// An amend's `fields` are merged key by key (`null` clears a key); other kinds' `fields`
/// replace the whole object. `step: null` clears the step (not for step work).
struct EntryPatchInput: Decodable, Sendable {
    let title: PatchField<String>
    let body: PatchField<String>
    let step: PatchField<Int>
    let fields: PatchField<EntryFieldsInput>

    /// `current` with the patch applied, validated against `kind`.
    func applied(to current: EntryContent, kind: EntryKind) throws(HTTPError) -> EntryContent {
        var validator = EntryValidator()
        var content = current
        switch title {
        case .absent: break
        case .null: validator.refuseNull("title")
        case .value(let title): content.title = validator.title(title)
        }
        switch body {
        case .absent: break
        case .null: validator.refuseNull("body")
        case .value(let body): content.body = validator.body(body)
        }
        switch step {
        case .absent: break
        case .null, .value: content.step = validator.step(step.applied(to: nil), for: kind)
        }
        switch fields {
        case .absent: break
        case .null, .value: content.fields = try validator.fields(fields.applied(to: nil), for: kind, over: current.fields)
        }
        try validator.validate()
        return content
    }
}
