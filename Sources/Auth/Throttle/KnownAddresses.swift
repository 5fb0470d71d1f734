import Foundation
import Postgres

/// The client addresses (IPv6: /64s) each account logged in from lately, as keyed hashes
/// (`known_login_addresses`). Logins from a known address skip the account's ceiling and the
/// process's failed-hash budget, so an attack from elsewhere cannot keep the owner out.
struct KnownAddresses: Sendable {
    let key: ThrottleKey
    /// How long a successful login keeps its address known.
    static let lifetime = Duration.seconds(30 * 24 * 60 * 60)
    /// Forgotten rows deleted per `remember`, so the table stays small.
    static let purgeBatch = 100

    func contains(_ address: String, for user: UUID, on connection: PostgresConnection) throws -> Bool {
        try !connection.query("""
            SELECT 1 FROM known_login_addresses
            WHERE subject = \(digest(address, user))
              AND last_login_at > now() - make_interval(secs => \(Self.lifetime.seconds))
            """).isEmpty
    }

    /// Records a successful login of `user` from `address`.
    func remember(_ address: String, for user: UUID, on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO known_login_addresses (subject) VALUES (\(digest(address, user)))
            ON CONFLICT (subject) DO UPDATE SET last_login_at = now()
            """)
        try connection.execute("""
            DELETE FROM known_login_addresses WHERE subject IN (
                SELECT subject FROM known_login_addresses
                WHERE last_login_at <= now() - make_interval(secs => \(Self.lifetime.seconds))
                LIMIT \(Self.purgeBatch))
            """)
    }

    private func digest(_ address: String, _ user: UUID) -> String {
        key.digest("known-address\n" + user.uuidString + "\n" + ThrottleSubject.network(of: address))
    }
}
