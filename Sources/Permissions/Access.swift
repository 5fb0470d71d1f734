import Postgres

/// What a user may do with an entry, from nothing to everything.
///
/// Ordered: `none < read < comment < owner`, so a rule reads `access >= .comment`.
/// `none` is never sent to a client: an entry the caller cannot see does not exist for them.
public enum Access: String, Codable, Sendable, Comparable, CaseIterable {
    case none, read, comment, owner

    public static func < (lhs: Access, rhs: Access) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .none: 0
        case .read: 1
        case .comment: 2
        case .owner: 3
        }
    }
}

extension Access: PostgresDecodable {}
