import Logging
import Postgres

extension PostgresPool {
    /// Hands `tickets` back after an attempt failed for a reason that must not count against
    /// the client (hashing saturated, a database error). Best effort: a failure is logged, and
    /// the caller goes on to report its original error.
    func refund(_ tickets: [ThrottleTicket], logger: Logger) {
        do {
            try withTransaction { connection in
                for ticket in tickets { try ticket.refund(on: connection) }
            }
        } catch {
            logger.warning("throttle_refund_failed", ["error": String(describing: error)])
        }
    }
}
