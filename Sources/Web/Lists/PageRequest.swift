/// The `limit` (1–100, default 50) and `cursor` query parameters of a list, and how a page is cut.
public struct PageRequest<Position: KeysetPosition>: Sendable {
    public static var limits: ClosedRange<Int> { 1...100 }
    public static var defaultLimit: Int { 50 }

    public let limit: Int
    /// The position of the last item of the previous page (`Position.start` for the first page).
    public let after: Position

    /// `400 invalid_query` for a bad limit, `400 invalid_cursor` for a cursor this server did not make.
    public init(query: QueryParameters) throws(HTTPError) {
        limit = try query.integer("limit", in: Self.limits, default: Self.defaultLimit)
        guard let token = query["cursor"] else {
            after = .start
            return
        }
        guard let position = KeysetCursor.position(from: token) else {
            throw .badRequest(code: "invalid_cursor", detail: "cursor must be a nextCursor this API returned.")
        }
        after = Position(micros: position.micros, id: position.id)
    }

    /// How many rows to read: one more than the page holds tells whether another page follows.
    public var fetchLimit: Int { limit + 1 }

    /// The page from up to `fetchLimit` rows, each with its list position.
    public func page<Item: Encodable & Sendable>(_ rows: [(item: Item, position: Position)]) -> Page<Item> {
        let items = rows.prefix(limit)
        let next = rows.count > limit ? items.last.map { KeysetCursor.token(micros: $0.position.micros, id: $0.position.id) } : nil
        return Page(items: items.map(\.item), nextCursor: next)
    }
}
