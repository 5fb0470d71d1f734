import CLibPQ
import Glibc

/// A connection of its own, outside the pool, that `LISTEN`s on channels and hands out the
/// notifications that arrive. PostgreSQL delivers a `NOTIFY` (or `pg_notify`) only when the
/// transaction that sent it commits, and to each listening session once.
///
/// Owned by one thread. When the connection is lost, `receive` and `wait` throw
/// `PostgresError.connection`: notifications sent meanwhile are not kept for a session that is
/// gone, so the owner connects a new listener and reads what it may have missed from the tables.
public final class PostgresListener {
    private let connection: PostgresConnection

    /// Connects and listens on `channels`, each a lower-case SQL identifier (`[a-z_][a-z0-9_]*`,
    /// fixed in the program: a channel name cannot be a statement parameter).
    public init(configuration: PostgresConfiguration, channels: [String]) throws(PostgresError) {
        connection = try PostgresConnection(configuration: configuration)
        for channel in channels {
            precondition(Self.isIdentifier(channel), "a channel is a lower-case SQL identifier")
            try connection.unsafeExecuteScript("LISTEN \(channel)")
        }
    }

    /// The socket to watch for input (with `poll` or epoll); `receive` reads it.
    public var socket: Int32 { PQsocket(connection.handle) }

    /// Reads what the server has sent, without blocking, and returns the notifications in it,
    /// oldest first (none if nothing arrived).
    public func receive() throws(PostgresError) -> [PostgresNotification] {
        guard PQconsumeInput(connection.handle) == 1, PQstatus(connection.handle) == CONNECTION_OK else {
            throw .connection(message: PostgresConnection.text(PQerrorMessage(connection.handle)))
        }
        var received: [PostgresNotification] = []
        while let notice = PQnotifies(connection.handle) {
            received.append(PostgresNotification(
                channel: String(cString: notice.pointee.relname), payload: String(cString: notice.pointee.extra),
                senderProcessId: notice.pointee.be_pid))
            PQfreemem(notice)
        }
        return received
    }

    /// Waits until notifications arrive or `timeout` passes, and returns them (none on timeout).
    public func wait(timeout: Duration) throws(PostgresError) -> [PostgresNotification] {
        let ready = try receive()
        guard ready.isEmpty else { return ready }
        let parts = timeout.components
        let milliseconds = Int32(clamping: parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
        var watched = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        guard poll(&watched, 1, max(0, milliseconds)) >= 0 || errno == EINTR else {
            throw .connection(message: "poll failed: errno \(errno)")
        }
        return try receive()
    }

    private static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
        else { return false }
        return name.utf8.allSatisfy {
            $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }
}
