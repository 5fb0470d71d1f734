import Web

/// The filters of `GET /v1/entries`: `kind` and `step`, each optional.
struct EntryFilter: Sendable, Equatable {
    var kind: EntryKind?
    var step: Int?

    /// Reads `kind=` and `step=`; `400 invalid_query` for a value outside their sets.
    init(query: QueryParameters) throws(HTTPError) {
        if let kind = query["kind"] {
            guard let parsed = EntryKind(rawValue: kind) else {
                throw .invalidQuery(detail: "kind must be one of: \(EntryKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            self.kind = parsed
        }
        if query["step"] != nil {
            step = try query.integer("step", in: EntryValidator.steps, default: 0)
        }
    }
}
