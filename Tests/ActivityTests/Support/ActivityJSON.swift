/// An activity item as a client reads it.
struct ActivityJSON: Decodable, Equatable {
    struct Actor: Decodable, Equatable {
        let id: String
        let displayName: String
    }

    let id: String
    let at: String
    let type: String
    let actor: Actor
    let entryId: String?
    let sponsorshipId: String?
    let commentId: String?
    let reviewId: String?
}

/// `GET /v1/activity` as a client reads it.
struct ActivityFeedJSON: Decodable {
    let items: [ActivityJSON]
    let nextCursor: String?
    let unread: Int

    /// The items' types, newest first.
    var types: [String] { items.map(\.type) }
}
