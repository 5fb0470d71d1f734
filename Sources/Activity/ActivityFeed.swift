import Foundation
import Web

/// A page of the caller's activity, newest first, with how many visible items are newer than
/// the latest they marked seen: `{"items","nextCursor","unread"}`.
struct ActivityFeed: Encodable, Sendable {
    let items: [Activity]
    let nextCursor: String?
    let unread: Int

    init(page: Page<Activity>, unread: Int) {
        items = page.items
        nextCursor = page.nextCursor
        self.unread = unread
    }

    private enum CodingKeys: String, CodingKey { case items, nextCursor, unread }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
        try container.encode(unread, forKey: .unread)
    }
}
