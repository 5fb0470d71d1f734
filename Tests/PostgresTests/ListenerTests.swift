import Foundation
import Postgres
import Testing
import TestSupport

/// `PostgresListener`: notifications arrive on commit only, and a lost connection says so.
@Suite struct ListenerTests {
    @Test func aCommittedNotificationArrivesAndARolledBackOneNever() throws {
        let database = try TestDatabase.create(migrated: false)
        let listener = try PostgresListener(
            configuration: PostgresConfiguration(connectionString: database.connectionString, poolSize: 1),
            channels: ["test_events"])
        struct Abandoned: Error {}
        #expect(throws: Abandoned.self) {
            try database.pool.withTransaction { connection in
                _ = try connection.query("SELECT pg_notify('test_events', 'rolled back')")
                throw Abandoned()
            }
        }
        let sender: Int32 = try database.pool.withTransaction { connection in
            _ = try connection.query("SELECT pg_notify('test_events', 'first')")
            _ = try connection.query("SELECT pg_notify('other_channel', 'unheard')")
            _ = try connection.query("SELECT pg_notify('test_events', 'second')")
            return try connection.query("SELECT pg_backend_pid() AS pid")[0].decode("pid")
        }
        let received = try Self.next(2, from: listener)
        #expect(received == [
            PostgresNotification(channel: "test_events", payload: "first", senderProcessId: sender),
            PostgresNotification(channel: "test_events", payload: "second", senderProcessId: sender),
        ])
        #expect(try listener.receive().isEmpty)
    }

    @Test func aListenerWhoseServerRestartsThrowsAndANewOneHearsAgain() throws {
        let cluster = try TestCluster.start()
        let configuration = PostgresConfiguration(connectionString: cluster.connectionString, poolSize: 1)
        let listener = try PostgresListener(configuration: configuration, channels: ["test_events"])
        try cluster.restart()
        var failure: PostgresError?
        for _ in 0..<20 where failure == nil {
            do { _ = try listener.wait(timeout: .milliseconds(500)) } catch { failure = error }
        }
        #expect(failure?.logFields.first?.value == "connection")

        let again = try PostgresListener(configuration: configuration, channels: ["test_events"])
        let pool = PostgresPool(configuration: configuration)
        _ = try pool.query("SELECT pg_notify('test_events', 'after the restart')")
        #expect(try Self.next(1, from: again).map(\.payload) == ["after the restart"])
    }

    /// Waits (at most ten seconds) for `count` notifications.
    static func next(_ count: Int, from listener: PostgresListener) throws -> [PostgresNotification] {
        var received: [PostgresNotification] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while received.count < count && ContinuousClock.now < deadline {
            received += try listener.wait(timeout: .milliseconds(200))
        }
        return received
    }
}
