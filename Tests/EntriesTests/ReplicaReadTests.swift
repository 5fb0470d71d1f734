import Foundation
import Postgres
import TestSupport
import Testing

/// `GET /v1/entries` with a streaming replica configured: a primary of its own with a real
/// standby (`pg_basebackup -R`), whose replay the test pauses to make it lag.
@Suite struct ReplicaReadTests {
    let primary: TestCluster
    let standby: TestCluster
    let app: TestApp
    let api: TestAPI
    /// The standby's superuser on the application's database: pauses and resumes replay, looks.
    let standbyAdmin: PostgresPool

    init() throws {
        primary = try TestCluster.start()
        let admin = PostgresPool(configuration: PostgresConfiguration(connectionString: primary.connectionString, poolSize: 1))
        defer { admin.close() }
        try admin.withConnection {
            try $0.unsafeExecuteScript("""
                CREATE ROLE stepwork_runtime NOLOGIN;
                CREATE ROLE \(TestDatabase.runtimeRole) LOGIN IN ROLE stepwork_runtime;
                """)
        }
        let database = try TestDatabase.create(on: primary.connectionString)
        standby = try primary.startStandby()
        standbyAdmin = PostgresPool(configuration: PostgresConfiguration(
            connectionString: standby.connectionString + " dbname=\(database.name)", poolSize: 1))
        let replicaURL = standby.connectionString + " dbname=\(database.name) user=\(TestDatabase.runtimeRole)"
        app = try TestApp.start(on: database) { $0.databaseReplicaURL = replicaURL }
        api = TestAPI(app: app)
    }

    func ownEntries(of user: TestSupport.User) throws -> Set<String> {
        Set(try api.send("GET", "/v1/entries?limit=100", as: user).expect(200).ids())
    }

    func replicaHas(entry id: String) throws -> Bool {
        try standbyAdmin.withConnection { connection in
            try connection.query("SELECT 1 FROM stepwork.entries WHERE id = \(UUID(uuidString: id)!)").count == 1
        }
    }

    /// Waits until the standby has replayed all the primary has written so far.
    func waitForReplay() throws {
        let position = try app.ownerPool.query("SELECT pg_current_wal_insert_lsn()::text AS lsn").first!
            .decode("lsn", as: String.self)
        try waitUntil("the standby replayed up to \(position)") {
            try standbyAdmin.withConnection { connection in
                try connection.query("SELECT pg_last_wal_replay_lsn() >= \(position)::pg_lsn AS done").first?
                    .decode("done", as: Bool.self) == true
            }
        }
    }

    func pauseReplay() throws {
        try standbyAdmin.withConnection { _ = try $0.query("SELECT pg_wal_replay_pause()") }
        try waitUntil("replay paused") {
            try standbyAdmin.withConnection { connection in
                try connection.query("SELECT pg_get_wal_replay_pause_state() AS state").first?.decode("state", as: String.self) == "paused"
            }
        }
    }

    @Test func ownWritesAreReadFromThePrimaryWhileTheReplicaLagsAndFromTheReplicaOnceItCaughtUp() throws {
        let owner = try api.register("Owner")
        let first = try api.entry(of: owner, title: "before the pause")
        try waitForReplay()
        try pauseReplay()

        // A row the API did not write (no position recorded): only the primary has it, so a
        // list without it was answered by the replica, which has replayed the owner's writes.
        let unseen = try app.ownerPool.query("""
            INSERT INTO stepwork.entries (owner_id, kind, title) VALUES (\(UUID(uuidString: owner.id)!), 'journal', 'behind the API')
            RETURNING id
            """).first!.decode("id", as: UUID.self).uuidString
        #expect(try ownEntries(of: owner) == [first])

        // The owner's own write while the replica lags: their next list read shows it.
        let second = try api.entry(of: owner, title: "while the replica lags")
        #expect(try !replicaHas(entry: second))
        #expect(try ownEntries(of: owner) == [first, unseen, second])

        // Caught up again, the replica answers and has everything.
        try standbyAdmin.withConnection { _ = try $0.query("SELECT pg_wal_replay_resume()") }
        try waitForReplay()
        #expect(try replicaHas(entry: second))
        #expect(try ownEntries(of: owner) == [first, unseen, second])
    }

    @Test func aStoppedReplicaSendsReadsToThePrimary() throws {
        let owner = try api.register("Owner")
        let entry = try api.entry(of: owner)
        try standby.stop()
        #expect(try ownEntries(of: owner) == [entry])
    }
}
