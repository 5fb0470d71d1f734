/// A review as a client reads it from the API.
struct ReviewJSON: Decodable, Equatable, Sendable {
    struct Reviewer: Decodable, Equatable, Sendable {
        let id: String
        let displayName: String
    }

    let id: String
    let entryId: String
    let sponsorshipId: String
    let reviewer: Reviewer
    let requestedAt: String
    let requestedOnVersion: Int
    let verdict: String?
    let note: String?
    let decidedAt: String?
    let decidedOnVersion: Int?
    let stale: Bool

    /// Every key of a review, as API.md lists them.
    static let keys: Set<String> = [
        "id", "entryId", "sponsorshipId", "reviewer", "requestedAt", "requestedOnVersion", "verdict", "note",
        "decidedAt", "decidedOnVersion", "stale",
    ]
}

/// A list of reviews as a client reads it.
struct ReviewPageJSON: Decodable, Sendable {
    let items: [ReviewJSON]
    let nextCursor: String?
}
