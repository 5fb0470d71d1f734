import Testing
import TestSupport

/// A storm of logins against a small hashing executor.
@Suite struct HashingLoadTests {
    @Test func concurrentLoginsRunAtMostKHashesAndOverflowGets503() throws {
        let app = try TestApp.start {
            $0.passwordHashCost = 14  // ~50 ms a hash: long enough for the logins to pile up
            $0.hashingConcurrency = 2
            $0.hashingQueueLimit = 2
            $0.workerThreads = 24
            // Admitted logins count against the throttles until they succeed: keep them out of the way.
            $0.loginMaxFailuresPerAccount = 1000
            $0.loginMaxFailuresPerAddress = 1000
        }
        try app.register(email: "ann@example.org")
        let responses = concurrently(50) { _ in try? app.login("ann@example.org") }

        let statuses = responses.map { $0?.status ?? 0 }
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 }, "\(statuses)")
        #expect(statuses.contains(200))
        let overflow = responses.compactMap { $0 }.filter { $0.status == 503 }
        #expect(!overflow.isEmpty)
        #expect(overflow.allSatisfy { $0.header("Retry-After") == "1" && $0.string("code") == "service_unavailable" })
        #expect((1...2).contains(app.application.passwordHashing.highWaterMark))
    }
}
