import Foundation
import Postgres
import Testing
import TestSupport

/// `GET /v1/events` over real sockets and PostgreSQL: what arrives, what is replayed, what is
/// filtered, and when a stream ends.
@Suite struct EventStreamTests {
    @Test func theOtherPartysCommentArrivesAsAnEvent() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let stream = try EventStreamReader(port: pair.api.app.port, token: pair.sponsor.token)
        #expect(stream.head.status == 200 && stream.head.header("content-type") == "text/event-stream")
        let commentId = try pair.api.comment("Proud of you.", on: pair.entryId, as: pair.owner)
        let event = try stream.next(where: { $0.event == "comment_added" })
        #expect(event.data["commentId"] as? String == commentId)
        #expect(event.data["id"] as? String == event.id)
        #expect((event.data["actor"] as? [String: Any])?["id"] as? String == pair.owner.id)
    }

    @Test func withoutASessionItIs401() throws {
        let app = try TestApp.start()
        #expect(try app.request("GET", "/v1/events").status == 401)
    }

    @Test func anItemTheRecipientCannotSeeIsNotSent() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let stream = try EventStreamReader(port: pair.api.app.port, token: pair.sponsor.token)
        let hiddenEntry = try pair.api.entry(of: pair.owner, title: "Not shared")
        // Written as if a share had been revoked in between: the item names an entry the
        // sponsor cannot see, and is announced first.
        try announce(.init(uuidString: hiddenEntry)!, to: pair.sponsor, by: pair.owner, on: pair.api.app)
        let commentId = try pair.api.comment("Visible", on: pair.entryId, as: pair.owner)
        let first = try stream.next()
        #expect(first.event == "comment_added" && first.data["commentId"] as? String == commentId)
    }

    @Test func lastEventIdReplaysWhatTheClientMissed() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let app = pair.api.app
        var stream = try EventStreamReader(port: app.port, token: pair.sponsor.token)
        let firstComment = try pair.api.comment("One", on: pair.entryId, as: pair.owner)
        let seen = try stream.next(where: { $0.data["commentId"] as? String == firstComment })
        stream.client.close()

        let missed = try ["Two", "Three"].map { try pair.api.comment($0, on: pair.entryId, as: pair.owner) }
        stream = try EventStreamReader(port: app.port, token: pair.sponsor.token, lastEventId: seen.id)
        var replayed: [String] = []
        while replayed.count < 2 {
            let event = try stream.next()
            #expect(event.id != seen.id)
            if let id = event.data["commentId"] as? String, missed.contains(id) { replayed.append(id) }
        }
        #expect(replayed == missed)
    }

    @Test func anItemThatCommitsLateWithAnEarlierTimeIsStillReplayed() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let app = pair.api.app
        // An item written first but committed last: its time is before the item the client saw.
        let latePool = PostgresPool(configuration: PostgresConfiguration(
            connectionString: app.database.connectionString, poolSize: 1))
        defer { latePool.close() }
        var stream = try EventStreamReader(port: app.port, token: pair.sponsor.token)
        let (lateId, seen) = try latePool.withConnection { late in
            try late.unsafeExecuteScript("BEGIN")
            let lateId = try insertItem(about: UUID(uuidString: pair.entryId)!, to: pair.sponsor, by: pair.owner, on: late)
            let commentId = try pair.api.comment("Seen", on: pair.entryId, as: pair.owner)
            let seen = try stream.next(where: { $0.data["commentId"] as? String == commentId })
            stream.client.close()
            try late.unsafeExecuteScript("COMMIT")
            return (lateId, seen)
        }

        stream = try EventStreamReader(port: app.port, token: pair.sponsor.token, lastEventId: seen.id)
        #expect(try stream.next(where: { $0.id == lateId.uuidString }).event == "comment_added")
    }

    @Test func theStreamEndsWhenItsSessionIsLoggedOut() throws {
        let pair = try Pair(api: TestAPI(app: try TestApp.start()))
        let stream = try EventStreamReader(port: pair.api.app.port, token: pair.sponsor.token)
        try pair.api.send("POST", "/v1/auth/logout", as: pair.sponsor).expect(204)
        #expect(stream.isEndedByServer())
    }

    @Test func aPasswordChangeEndsTheStreamsOfTheOtherSessions() throws {
        let app = try TestApp.start()
        let email = "pat-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let first = try app.register(email: email, password: "correct horse battery staple")
        let login = try app.request(
            "POST", "/v1/auth/login", json: TestAPI.json(["email": email, "password": "correct horse battery staple"]))
        let second = try #require(try login.json()["token"] as? String)
        let stream = try EventStreamReader(port: app.port, token: second)
        let change = TestAPI.json(["currentPassword": "correct horse battery staple", "newPassword": "a new horse battery staple"])
        #expect(try app.request("POST", "/v1/me/password", json: change, token: first.token).status == 204)
        #expect(stream.isEndedByServer())
    }

    /// A session revoked from another, lockdown with `endOtherSessions` and account deletion end
    /// sessions as a password change does: their streams end with them.
    @Test(arguments: ["revoke", "lockdown", "deletion"])
    func sessionsEndedByRevokeLockdownOrDeletionEndTheirStreams(_ action: String) throws {
        let app = try TestApp.start()
        let email = "lee-\(UUID().uuidString.prefix(8).lowercased())@example.org"
        let password = "correct horse battery staple"
        let first = try app.register(email: email, password: password)
        let login = try app.request("POST", "/v1/auth/login", json: TestAPI.json(["email": email, "password": password]))
        let second = try #require(try login.json()["token"] as? String)
        let stream = try EventStreamReader(port: app.port, token: second)
        switch action {
        case "revoke":
            let sessions = try app.request("GET", "/v1/me/sessions", token: first.token).json()["items"] as? [[String: Any]]
            let other = try #require(sessions?.first { $0["current"] as? Bool == false }?["id"] as? String)
            #expect(try app.request("DELETE", "/v1/me/sessions/\(other)", token: first.token).status == 204)
        case "lockdown":
            let lockdown = TestAPI.json(["endSponsorships": false, "endOtherSessions": true])
            #expect(try app.request("POST", "/v1/me/lockdown", json: lockdown, token: first.token).status == 200)
        default:
            let deletion = TestAPI.json(["password": password])
            #expect(try app.request("DELETE", "/v1/me", json: deletion, token: first.token).status == 204)
        }
        #expect(stream.isEndedByServer())
    }

    /// Writes an item and its announcement as `ActivityRecorder` does, about `entryId`.
    private func announce(_ entryId: UUID, to recipient: User, by actor: User, on app: TestApp) throws {
        try app.ownerPool.withTransaction { connection in
            _ = try insertItem(about: entryId, to: recipient, by: actor, on: connection)
        }
    }

    private func insertItem(about entryId: UUID, to recipient: User, by actor: User, on connection: PostgresConnection) throws -> UUID {
        let id = UUID()
        try connection.execute("""
            INSERT INTO stepwork.activity (id, recipient_id, actor_id, type, entry_id)
            VALUES (\(id), \(UUID(uuidString: recipient.id)!), \(UUID(uuidString: actor.id)!), 'comment_added', \(entryId))
            """)
        _ = try connection.query("SELECT pg_notify('stepwork_activity', \(recipient.id + " " + id.uuidString))")
        return id
    }
}
