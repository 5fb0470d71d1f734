import Web

/// Which of the reviewer's reviews `GET /v1/reviews?state=` lists: undecided (the default),
/// decided, or all.
enum ReviewState: String, Sendable, CaseIterable {
    case open, decided, all

    /// Reads `state=`; `400 invalid_query` for a value outside the set.
    init(query: QueryParameters) throws(HTTPError) {
        guard let text = query["state"] else {
            self = .open
            return
        }
        guard let state = ReviewState(rawValue: text) else {
            throw .invalidQuery(detail: "state must be one of: \(Self.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        self = state
    }
}
