import Postgres

/// What a logged read was of: the entry itself, its comment thread, its reviews, or the
/// entry's appearance in a page of `GET /v1/shared`.
public enum ReadTarget: String, Codable, Sendable, CaseIterable {
    case entry, comments, reviews, list
}

extension ReadTarget: PostgresDecodable {}
