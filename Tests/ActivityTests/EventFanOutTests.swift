import Crypto
import Encryption
import Foundation
import Postgres
import Testing
import TestSupport

/// Events reach a client whichever server process it is connected to (this test's
/// `Application` or a `stepwork serve` child on the same database), and survive the database
/// restarting under open streams.
@Suite struct EventFanOutTests {
    @Test func clientsOfEitherProcessGetTheEventsOfRequestsToTheOther() throws {
        let key = try SymmetricKey.random()
        let app = try TestApp.start { $0.keyRing = KeyRing(keys: [1: key]) }
        let serve = try ServeProcess(database: app.database, keys: KeyRing.line(version: 1, key: key))
        let pair = try Pair(api: TestAPI(app: app))
        let here = try EventStreamReader(port: app.port, token: pair.sponsor.token)
        let there = try EventStreamReader(port: serve.port, token: pair.sponsor.token)

        let throughThisProcess = try pair.api.comment("Through this process", on: pair.entryId, as: pair.owner)
        let reply = try TestHTTPClient(port: serve.port).request(
            "POST", "/v1/entries/\(pair.entryId)/comments", json: TestAPI.json(["body": "Through stepwork serve"]),
            token: pair.owner.token)
        let throughServe = try reply.expect(201).decode(Identified.self).id
        for stream in [here, there] {
            for commentId in [throughThisProcess, throughServe] {
                #expect(try stream.next(where: { $0.data["commentId"] as? String == commentId }).event == "comment_added")
            }
        }
    }

    @Test func restartingPostgreSQLWhileStreamsAreOpenLosesNoEvent() throws {
        let cluster = try TestCluster.start()
        let admin = PostgresPool(configuration: PostgresConfiguration(connectionString: cluster.connectionString, poolSize: 1))
        try admin.withConnection {
            try $0.unsafeExecuteScript("""
                CREATE ROLE stepwork_runtime NOLOGIN;
                CREATE ROLE \(TestDatabase.runtimeRole) LOGIN IN ROLE stepwork_runtime;
                """)
        }
        admin.close()
        let app = try TestApp.start(on: try TestDatabase.create(on: cluster.connectionString))
        let pair = try Pair(api: TestAPI(app: app))
        let streams = try (0..<3).map { _ in try EventStreamReader(port: app.port, token: pair.sponsor.token) }

        try cluster.restart()
        // Written at once, most likely before the process listens again: only the replay from
        // the table can bring it. Retried while the pool finds its connections gone.
        var commentId: String?
        try waitUntil("a comment is accepted after the restart") {
            let reply = try pair.api.send(
                "POST", "/v1/entries/\(pair.entryId)/comments", as: pair.owner, json: TestAPI.json(["body": "After"]))
            commentId = reply.status == 201 ? try reply.decode(Identified.self).id : nil
            return commentId != nil
        }
        for stream in streams {
            #expect(try stream.next(where: { $0.data["commentId"] as? String == commentId }).event == "comment_added")
        }
        #expect(!app.logs.events("live_events_listener_lost").isEmpty)
        // The replay may come after the item: it arrived announced when the process listened
        // again before the comment, while the replay still waited for the pool to reconnect.
        try waitUntil("the listener replays from the table") { !app.logs.events("live_events_replayed").isEmpty }
        // And the process listens again: a later item arrives too.
        let later = try pair.api.comment("Later", on: pair.entryId, as: pair.owner)
        for stream in streams {
            #expect(try stream.next(where: { $0.data["commentId"] as? String == later }).event == "comment_added")
        }
    }
}
