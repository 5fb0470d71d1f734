import Foundation
import Crypto
import Postgres
import Testing
import TestSupport
@testable import Auth

/// The throttle against a real PostgreSQL: counting, refusing, refunding, clearing, purging,
/// back-off, keyed subjects.
@Suite struct ThrottleTests {
    let database: TestDatabase
    let key = ThrottleKey(secret: Array(repeating: 0x42, count: 32))
    let throttle: Throttle

    init() throws {
        database = try TestDatabase.create(poolSize: 8)
        throttle = Throttle(scope: .loginAccount, window: ThrottleWindow(limit: 3, length: .seconds(900)), key: key)
    }

    private func consume(_ subject: ThrottleSubject, with throttle: Throttle? = nil) throws -> ThrottleTicket {
        try database.pool.withTransaction { try (throttle ?? self.throttle).consume(subject, on: $0) }
    }

    private func events(_ subject: ThrottleSubject) throws -> Int {
        try database.pool.query("""
            SELECT count(*) AS n FROM throttle_events WHERE scope = 'login_account' AND subject = \(throttle.digest(subject))
            """)[0].decode("n")
    }

    @Test func refusesTheAttemptAfterTheLimitWithARetryTime() throws {
        let subject = ThrottleSubject(account: "ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        let refusal = try #require(throws: Throttled.self) { try consume(subject) }
        #expect(refusal.scope == .loginAccount)
        #expect((1...900).contains(refusal.retryAfter))
        #expect(try events(subject) == 3)  // the refused attempt is not counted
    }

    @Test func subjectsAndScopesAreCountedApart() throws {
        let ann = ThrottleSubject(account: "ann@example.org")
        for _ in 1...3 { _ = try consume(ann) }
        _ = try consume(ThrottleSubject(account: "bob@example.org"))
        let other = Throttle(scope: .loginAddress, window: ThrottleWindow(limit: 3, length: .seconds(900)), key: key)
        _ = try database.pool.withTransaction { try other.consume(ann, on: $0) }
    }

    @Test func storesOnlyAKeyedHashOfTheSubject() throws {
        let ann = ThrottleSubject(account: "ann@example.org")
        _ = try consume(ann)
        let stored: String = try database.pool.query("SELECT subject FROM throttle_events")[0].decode("subject")
        #expect(stored == Hex.encode(HMACSHA256.authenticationCode(
            for: Array("login_account\naccount\nann@example.org".utf8),
            key: HMACSHA256.authenticationCode(for: Array("stepwork throttle subjects".utf8), key: Array(repeating: 0x42, count: 32)))))
        #expect(stored != Hex.encode(SHA256.hash(Array("ann@example.org".utf8))))
        // Another secret, another subject: nobody without the key can match a guess.
        let otherKey = Throttle(
            scope: .loginAccount, window: ThrottleWindow(limit: 3, length: .seconds(900)),
            key: ThrottleKey(secret: Array(repeating: 0x43, count: 32)))
        #expect(otherKey.digest(ann) != stored)
    }

    @Test func anIPv6ClientIsCountedByItsSlash64AndIPv4ByItsAddress() {
        let rotated = ["2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:DB8:1:2:0:0:0:7"]
        #expect(Set(rotated.map { ThrottleSubject(address: $0) }).count == 1)
        #expect(ThrottleSubject(address: "2001:db8:1:3::1") != ThrottleSubject(address: "2001:db8:1:2::1"))
        #expect(ThrottleSubject(address: "192.0.2.1") != ThrottleSubject(address: "192.0.2.2"))
        #expect(ThrottleSubject(address: "::ffff:192.0.2.1") == ThrottleSubject(address: "192.0.2.1"))
        #expect(ThrottleSubject(account: "a@example.org", address: "2001:db8::1")
            == ThrottleSubject(account: "a@example.org", address: "2001:db8::2"))
    }

    @Test func backOffDoublesTheWaitAfterTheFreeAttempts() throws {
        let backoff = Throttle(scope: .loginAccount, backoff: ThrottleBackoff(free: 2), key: key)
        let ann = ThrottleSubject(account: "ann@example.org")
        for _ in 1...2 { _ = try consume(ann, with: backoff) }
        let first = try #require(throws: Throttled.self) { try consume(ann, with: backoff) }
        #expect(first.retryAfter == 1)
        // Backdated by a second, the newest attempt no longer holds the next one back.
        try database.pool.execute("UPDATE throttle_events SET occurred_at = occurred_at - interval '1 second'")
        _ = try consume(ann, with: backoff)
        let second = try #require(throws: Throttled.self) { try consume(ann, with: backoff) }
        #expect(second.retryAfter == 2)
        #expect(try events(ann) == 3)
    }

    @Test func aRefundGivesBackExactlyOneAttempt() throws {
        let subject = ThrottleSubject(account: "ann@example.org")
        let tickets = try (1...3).map { _ in try consume(subject) }
        try database.pool.withTransaction { try tickets[1].refund(on: $0) }
        #expect(try events(subject) == 2)
        _ = try consume(subject)
    }

    @Test func clearForgetsTheSubject() throws {
        let subject = ThrottleSubject(account: "ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        try database.pool.withTransaction { try throttle.clear(subject, on: $0) }
        #expect(try events(subject) == 0)
    }

    @Test func expiredEventsNoLongerCountAndArePurged() throws {
        let subject = ThrottleSubject(account: "ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        try database.pool.execute("UPDATE throttle_events SET occurred_at = occurred_at - interval '1 hour'")
        _ = try consume(subject)  // the old three left the window…
        #expect(try events(subject) == 1)  // …and the insert deleted them
    }

    @Test func concurrentAttemptsCannotSlipPastTheLimit() throws {
        let subject = ThrottleSubject(account: "ann@example.org")
        let admitted = concurrently(12) { _ in (try? consume(subject)) != nil }
        #expect(admitted.filter { $0 }.count == 3)
        #expect(try events(subject) == 3)
    }
}
