import Foundation
import Postgres
import Testing
import TestSupport
@testable import Auth

/// The throttle against a real PostgreSQL: counting, refusing, refunding, clearing, purging.
@Suite struct ThrottleTests {
    let database: TestDatabase
    let throttle = Throttle(scope: .loginAccount, window: ThrottleWindow(limit: 3, length: .seconds(900)))

    init() throws {
        database = try TestDatabase.create(poolSize: 8)
    }

    private func consume(_ subject: ThrottleSubject) throws -> ThrottleTicket {
        try database.pool.withTransaction { try throttle.consume(subject, on: $0) }
    }

    private func events(_ subject: ThrottleSubject) throws -> Int {
        try database.pool.query("""
            SELECT count(*) AS n FROM throttle_events WHERE scope = 'login_account' AND subject = \(subject.digest)
            """)[0].decode("n")
    }

    @Test func refusesTheAttemptAfterTheLimitWithARetryTime() throws {
        let subject = ThrottleSubject("ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        let refusal = try #require(throws: Throttled.self) { try consume(subject) }
        #expect(refusal.scope == .loginAccount)
        #expect((1...900).contains(refusal.retryAfter))
        #expect(try events(subject) == 3)  // the refused attempt is not counted
    }

    @Test func subjectsAndScopesAreCountedApart() throws {
        let ann = ThrottleSubject("ann@example.org")
        for _ in 1...3 { _ = try consume(ann) }
        _ = try consume(ThrottleSubject("bob@example.org"))
        let other = Throttle(scope: .loginAddress, window: throttle.window)
        _ = try database.pool.withTransaction { try other.consume(ann, on: $0) }
    }

    @Test func storesOnlyTheDigestOfTheSubject() throws {
        _ = try consume(ThrottleSubject("ann@example.org"))
        let stored: String = try database.pool.query("SELECT subject FROM throttle_events")[0].decode("subject")
        #expect(stored == ThrottleSubject("ann@example.org").digest)
        #expect(stored.count == 64 && !stored.contains("ann"))
    }

    @Test func aRefundGivesBackExactlyOneAttempt() throws {
        let subject = ThrottleSubject("ann@example.org")
        let tickets = try (1...3).map { _ in try consume(subject) }
        try database.pool.withTransaction { try tickets[1].refund(on: $0) }
        #expect(try events(subject) == 2)
        _ = try consume(subject)
    }

    @Test func clearForgetsTheSubject() throws {
        let subject = ThrottleSubject("ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        try database.pool.withTransaction { try throttle.clear(subject, on: $0) }
        #expect(try events(subject) == 0)
    }

    @Test func expiredEventsNoLongerCountAndArePurged() throws {
        let subject = ThrottleSubject("ann@example.org")
        for _ in 1...3 { _ = try consume(subject) }
        try database.pool.execute("UPDATE throttle_events SET occurred_at = occurred_at - interval '1 hour'")
        _ = try consume(subject)  // the old three left the window…
        #expect(try events(subject) == 1)  // …and the insert deleted them
    }

    @Test func concurrentAttemptsCannotSlipPastTheLimit() throws {
        let subject = ThrottleSubject("ann@example.org")
        let admitted = concurrently(12) { _ in (try? consume(subject)) != nil }
        #expect(admitted.filter { $0 }.count == 3)
        #expect(try events(subject) == 3)
    }
}
