import Postgres

/// Whether a sponsorship still grants its sponsor access to the entries shared through it.
public enum SponsorshipStatus: String, Codable, Sendable {
    case active, ended
}

extension SponsorshipStatus: PostgresCodable {}
