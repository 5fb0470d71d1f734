/// One page of a thread as a client reads it.
struct ThreadPageJSON: Decodable, Sendable {
    let items: [CommentJSON]
    let nextCursor: String?
}
