/// One page of a list: `{"items": [...], "nextCursor": "…" | null}`.
///
/// `nextCursor` is always present; `null` on the last page.
public struct Page<Item: Encodable>: Encodable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}

extension Page: Sendable where Item: Sendable {}

extension Page: JSONWritable where Item: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("items")
            writer.array(items) { writer, item in item.write(to: &writer) }
            writer.key("nextCursor")
            writer.value(nextCursor)
        }
    }
}
