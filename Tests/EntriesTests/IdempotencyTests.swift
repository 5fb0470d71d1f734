import Foundation
import Postgres
import Testing
import TestSupport

/// Safe retries (API.md 1.1): `Idempotency-Key` on the creating `POST`s, over real sockets.
@Suite struct IdempotencyTests {
    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    static var entry: [String: Any] { ["kind": "journal", "title": "Today", "body": "One day at a time."] }

    func post(_ json: Any = Self.entry, key: String?, as user: User? = nil) throws -> TestHTTPResponse {
        try scenario.call(
            "POST", "/v1/entries", as: user ?? owner, json: json, headers: key.map { [("Idempotency-Key", $0)] } ?? [])
    }

    func entryCount(of user: User? = nil) throws -> Int {
        try scenario.pool.query("SELECT count(*) AS n FROM stepwork.entries WHERE owner_id = \(UUID(uuidString: (user ?? owner).id)!)")[0]
            .decode("n")
    }

    func keyCount() throws -> Int {
        try scenario.pool.query("SELECT count(*) AS n FROM stepwork.idempotency_keys")[0].decode("n")
    }

    @Test func aRepeatGetsTheFirstAnswerAndWritesNothingAgain() throws {
        let first = try post(key: "retry-1")
        let second = try post(key: "retry-1")
        #expect(first.status == 201)
        #expect(second.status == first.status)
        #expect(second.body == first.body)
        for header in ["Location", "ETag", "Content-Type"] {
            #expect(first.header(header) != nil, "\(header)")
            #expect(second.header(header) == first.header(header), "\(header)")
        }
        #expect(second.header("X-Request-Id") != first.header("X-Request-Id"))
        #expect(try entryCount() == 1)
        #expect(try keyCount() == 1)
    }

    @Test func theSameKeyWithAnotherBodyIsRefused() throws {
        try #require(try post(key: "retry-2").status == 201)
        let reply = try post(["kind": "journal", "title": "Another day"], key: "retry-2")
        #expect(reply.status == 422)
        #expect(try reply.json()["code"] as? String == "idempotency_key_reused")
        #expect(try entryCount() == 1)
    }

    /// A client that serialises the same object again may order its members differently.
    @Test func theSameObjectWrittenAnotherWayIsTheSameRequest() throws {
        let first = try post(#"{"kind":"journal","title":"Today","step":3}"#, key: "layout")
        let second = try post("{ \"step\": 3,\n  \"title\": \"Today\", \"kind\": \"journal\" }", key: "layout")
        #expect(first.status == 201)
        #expect(second.status == 201 && second.body == first.body)
        #expect(try entryCount() == 1)
    }

    @Test func theSameKeyOnAnotherPathIsRefused() throws {
        let first = try scenario.entryId(of: owner)
        let second = try scenario.entryId(of: owner)
        let headers = [("Idempotency-Key", "comment-1")]
        try scenario.expect(201, "POST", "/v1/entries/\(first)/comments", as: owner, json: ["body": "Hi"], headers: headers)
        let reply = try scenario.call("POST", "/v1/entries/\(second)/comments", as: owner, json: ["body": "Hi"], headers: headers)
        #expect(reply.status == 422)
        #expect(try reply.json()["code"] as? String == "idempotency_key_reused")
    }

    @Test(arguments: ["", "has space", "tab\there", "ключ", String(repeating: "k", count: 256)])
    func aMalformedKeyIsABadRequest(_ key: String) throws {
        let reply = try post(key: key)
        #expect(reply.status == 400)
        #expect(try reply.json()["code"] as? String == "invalid_idempotency_key")
        #expect(try entryCount() == 0)
    }

    @Test func twoKeysAreABadRequest() throws {
        let reply = try scenario.call(
            "POST", "/v1/entries", as: owner, json: Self.entry, headers: [("Idempotency-Key", "a"), ("Idempotency-Key", "a")])
        #expect(reply.status == 400)
        #expect(try reply.json()["code"] as? String == "invalid_idempotency_key")
        #expect(try entryCount() == 0)
    }

    @Test func theLongestAndOddestVisibleKeysAreAccepted() throws {
        #expect(try post(key: String(repeating: "k", count: 255)).status == 201)
        #expect(try post(key: "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").status == 201)
    }

    @Test func withoutTheHeaderEveryPostWrites() throws {
        #expect(try post(key: nil).status == 201)
        #expect(try post(key: nil).status == 201)
        #expect(try entryCount() == 2)
        #expect(try keyCount() == 0)
    }

    @Test func keysArePerUser() throws {
        let other = try scenario.register("Other")
        let mine = try post(key: "shared-key")
        let theirs = try post(key: "shared-key", as: other)
        #expect(mine.status == 201 && theirs.status == 201)
        #expect(try mine.json()["id"] as? String != theirs.json()["id"] as? String)
        #expect(try entryCount() == 1 && entryCount(of: other) == 1)
    }

    /// A write that fails inside its transaction stores no key: the retry runs again.
    @Test func aFailedWriteStoresNoKey() throws {
        let entryId = try scenario.entryId(of: owner)
        let path = "/v1/entries/\(entryId)/comments"
        let headers = [("Idempotency-Key", "comment-2")]
        // The insert itself fails (no such parent comment), after the key was looked up.
        try scenario.expect(
            422, "POST", path, as: owner, json: ["body": "Hi", "parentId": UUID().uuidString], headers: headers)
        #expect(try keyCount() == 0)
        try scenario.expect(201, "POST", path, as: owner, json: ["body": "Hi"], headers: headers)
        #expect(try keyCount() == 1)
    }

    @Test func anExpiredKeyWritesAgain() throws {
        let first = try post(key: "old-key")
        try scenario.pool.execute("UPDATE stepwork.idempotency_keys SET created_at = now() - interval '25 hours'")
        let second = try post(key: "old-key")
        #expect(first.status == 201 && second.status == 201)
        #expect(try first.json()["id"] as? String != second.json()["id"] as? String)
        #expect(try entryCount() == 2)
        #expect(try keyCount() == 1)
    }

    @Test func expiredKeysOfAnyoneArePurgedAsNewOnesArrive() throws {
        let other = try scenario.register("Other")
        try scenario.expect(201, "POST", "/v1/entries", as: other, json: Self.entry, headers: [("Idempotency-Key", "a")])
        try scenario.pool.execute("UPDATE stepwork.idempotency_keys SET created_at = now() - interval '25 hours'")
        #expect(try post(key: "b").status == 201)
        let users: [UUID] = try scenario.pool.query("SELECT user_id FROM stepwork.idempotency_keys").map { try $0.decode("user_id") }
        #expect(users == [UUID(uuidString: owner.id)!])
    }

    /// While the first request with a key is held inside its transaction, a second one with the
    /// same key is answered `409` at once; once the first commits, a third gets its answer.
    @Test func aRepeatWhileTheFirstIsRunningIsAConflict() throws {
        let (scenario, owner) = (scenario, owner)
        let held = try scenario.pool.withTransaction { connection in
            try connection.execute("LOCK TABLE stepwork.entries IN EXCLUSIVE MODE")
            let first = Background {
                try scenario.call("POST", "/v1/entries", as: owner, json: Self.entry, headers: [("Idempotency-Key", "busy")])
            }
            try waitUntil("the first request waits at the lock", limit: .seconds(10)) { try scenario.app.lockWaiters() >= 1 }
            let second = try post(key: "busy")
            #expect(second.status == 409)
            #expect(try second.json()["code"] as? String == "idempotency_key_in_use")
            return first
        }
        let first = try held.join()
        #expect(first.status == 201)
        let third = try post(key: "busy")
        #expect(third.status == 201 && third.body == first.body, "\(third.status) \(third.bodyString)")
        #expect(try entryCount() == 1)
    }

    @Test func ofEightRacingRepeatsExactlyOneWrites() throws {
        let (scenario, owner) = (scenario, owner)
        let replies = concurrently(8) { _ in
            try? scenario.call("POST", "/v1/entries", as: owner, json: Self.entry, headers: [("Idempotency-Key", "race")])
        }
        let statuses = replies.map { $0?.status ?? 0 }
        #expect(statuses.allSatisfy { $0 == 201 || $0 == 409 }, "\(statuses) \(replies.map { $0?.bodyString ?? "-" })")
        let created = Set(replies.compactMap { $0?.status == 201 ? $0?.bodyString : nil })
        #expect(created.count == 1)
        #expect(try entryCount() == 1)
    }

    /// A copy of the database shows neither the key nor what the answer said (an invite's
    /// code, an entry's text): the row keeps the key's digest and the body sealed under it.
    @Test func theStoredAnswerIsSealed() throws {
        let key = "a-key-only-the-client-knows"
        let invite = try scenario.expect(
            201, "POST", "/v1/invites", as: owner, json: ["role": "sponsee"], headers: [("Idempotency-Key", key)])
        let code = try #require(invite.string("code"))
        try #require(try post(key: "entry-key").status == 201)
        let rows = try scenario.pool.query("SELECT key_hash, headers, sealed_body FROM stepwork.idempotency_keys")
        #expect(rows.count == 2)
        for row in rows {
            let stored = try row.decode("key_hash", as: [UInt8].self) + Array(try row.decode("headers", as: String.self).utf8)
                + row.decode("sealed_body", as: [UInt8].self)
            let text = String(decoding: stored, as: UTF8.self)
            for secret in [key, "entry-key", code, "One day at a time."] {
                #expect(!text.contains(secret), "\(secret)")
            }
        }
        let again = try scenario.expect(
            201, "POST", "/v1/invites", as: owner, json: ["role": "sponsee"], headers: [("Idempotency-Key", key)])
        #expect(again.string("code") == code)
    }

    @Test func invitesReviewsAndCommentsReplayToo() throws {
        let invite = try scenario.expect(
            201, "POST", "/v1/invites", as: owner, json: ["role": "sponsee"], headers: [("Idempotency-Key", "inv")])
        let again = try scenario.expect(
            201, "POST", "/v1/invites", as: owner, json: ["role": "sponsee"], headers: [("Idempotency-Key", "inv")])
        #expect(again.body == invite.body)
        let invites: Int = try scenario.pool.query("SELECT count(*) AS n FROM stepwork.invites")[0].decode("n")
        #expect(invites == 1)

        let sponsor = try scenario.register("Sponsor")
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let amend = try scenario.entryId(of: owner, ["kind": "amend", "title": "Amend", "fields": ["person": "Maria"]])
        try scenario.share(amend, through: sponsorship, access: "comment", as: owner)
        for (path, json) in [
            ("/v1/entries/\(amend)/reviews", ["sponsorshipId": sponsorship]),
            ("/v1/entries/\(amend)/comments", ["body": "A word"]),
        ] {
            let headers = [("Idempotency-Key", "k-\(path)")]
            let first = try scenario.expect(201, "POST", path, as: owner, json: json, headers: headers)
            let second = try scenario.expect(201, "POST", path, as: owner, json: json, headers: headers)
            #expect(second.body == first.body, "\(path)")
            #expect(second.header("Location") == first.header("Location"), "\(path)")
        }
    }
}
