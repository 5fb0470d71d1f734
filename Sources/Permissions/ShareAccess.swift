import Postgres

/// The access a share grants: reading the entry and its comments, or also commenting.
public enum ShareAccess: String, Codable, Sendable, CaseIterable {
    case read, comment

    public var access: Access {
        switch self {
        case .read: .read
        case .comment: .comment
        }
    }
}

extension ShareAccess: PostgresCodable {}
