import Foundation
import Postgres

/// Reads of a caller's own data from a streaming replica, never older than the caller's own
/// last write.
///
/// After every authenticated write request the primary's WAL insert position is stored for
/// the caller (`stepwork.write_positions`, on the request's primary connection, after the
/// handler committed). A read asks for the replica only when the replica's replay position
/// has reached that stored position; when it has not, when the replica does not answer, or
/// when the read fails there, the read runs on the primary. Access decisions made from other
/// users' rows (shares, sponsorships: a revoke) are never read here: only routes that list
/// the caller's own rows use it (see README.md, "Replica reads").
public final class ReplicaReads: Sendable {
    private let pool: PostgresPool

    /// `pool` connects to the replica as the runtime role.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Stores the primary's current insert position as `userId`'s last write.
    func recordWrite(of userId: UUID, on primary: PostgresLease) throws(PostgresError) {
        try primary.connection().execute("""
            INSERT INTO stepwork.write_positions AS p (user_id, lsn)
            VALUES (\(userId), pg_current_wal_insert_lsn())
            ON CONFLICT (user_id) DO UPDATE SET lsn = greatest(p.lsn, excluded.lsn)
            """)
    }

    /// A lease on the replica acting as the primary lease's user, when the replica has
    /// replayed `userId`'s last write; nil when it has not or does not answer. The position is
    /// read from the primary (an error there is the primary's, and thrown).
    func caughtUpLease(for userId: UUID, primary: PostgresLease) throws(PostgresError) -> PostgresLease? {
        let position: String = try primary.connection()
            .query("SELECT coalesce((SELECT lsn::text FROM stepwork.write_positions WHERE user_id = \(userId)), '0/0') AS lsn")
            .first?.decode("lsn") ?? "0/0"
        let replica = PostgresLease(pool: pool)
        replica.actingUser = primary.actingUser
        do {
            let caughtUp: Bool = try replica.connection()
                .query("SELECT coalesce(pg_last_wal_replay_lsn() >= \(position)::pg_lsn, false) AS caught_up")
                .first?.decode("caught_up") ?? false
            if caughtUp { return replica }
        } catch {}
        replica.release()
        return nil
    }

    /// Closes the replica's connections.
    public func close() {
        pool.close()
    }
}
