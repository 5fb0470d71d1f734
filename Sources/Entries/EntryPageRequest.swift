import Permissions
import Web

/// The `limit` (1–100, default 50) and `cursor` of an entry list, and how a page is cut.
struct EntryPageRequest: Sendable {
    static let limits = 1...100
    static let defaultLimit = 50

    let limit: Int
    let after: EntryPosition

    /// `400 invalid_query` for a bad limit, `400 invalid_cursor` for a cursor this server did not make.
    init(query: QueryParameters) throws(HTTPError) {
        limit = try query.integer("limit", in: Self.limits, default: Self.defaultLimit)
        guard let token = query["cursor"] else {
            after = .start
            return
        }
        guard let position = EntryCursor.position(from: token) else {
            throw .badRequest(code: "invalid_cursor", detail: "cursor must be a nextCursor this API returned.")
        }
        after = position
    }

    /// How many rows to read: one more than the page holds tells whether another page follows.
    var fetchLimit: Int { limit + 1 }

    /// The page from up to `fetchLimit` entries, each with its list position.
    func page(_ entries: [(entry: Entry, position: EntryPosition)]) -> Page<Entry> {
        let items = entries.prefix(limit)
        let next = entries.count > limit ? items.last.map { EntryCursor.token(for: $0.position) } : nil
        return Page(items: items.map(\.entry), nextCursor: next)
    }
}
