import Postgres

/// The role the inviter takes in the sponsorship their invite creates; whoever accepts the
/// code takes the other one.
public enum InviteRole: String, Codable, Sendable {
    case sponsor, sponsee
}

extension InviteRole: PostgresCodable {}
