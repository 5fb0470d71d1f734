import Web

/// The `limit` (1–100, default 50) and `cursor` of a thread, and how a page is cut.
struct CommentPageRequest: Sendable {
    static let limits = 1...100
    static let defaultLimit = 50

    let limit: Int
    let after: CommentPosition

    /// `400 invalid_query` for a bad limit, `400 invalid_cursor` for a cursor this server did not make.
    init(query: QueryParameters) throws(HTTPError) {
        limit = try query.integer("limit", in: Self.limits, default: Self.defaultLimit)
        guard let token = query["cursor"] else {
            after = .start
            return
        }
        guard let position = CommentCursor.position(from: token) else {
            throw .badRequest(code: "invalid_cursor", detail: "cursor must be a nextCursor this API returned.")
        }
        after = position
    }

    /// How many rows to read: one more than the page holds tells whether another page follows.
    var fetchLimit: Int { limit + 1 }

    /// The page from up to `fetchLimit` comments.
    func page(_ records: [CommentRecord]) -> Page<Comment> {
        let items = records.prefix(limit)
        let next = records.count > limit ? items.last.map { CommentCursor.token(for: $0.position) } : nil
        return Page(items: items.map(Comment.init), nextCursor: next)
    }
}
