import Testing
@testable import Auth

/// The arithmetic of exponential back-off.
@Suite struct ThrottleBackoffTests {
    let backoff = ThrottleBackoff(free: 3)  // 1 s, doubling, at most 15 minutes, remembered a day

    @Test func theFreeAttemptsWaitForNothing() {
        #expect(backoff.retryAfter(ages: []) == nil)
        #expect(backoff.retryAfter(ages: [0, 0]) == nil)
    }

    @Test func eachFurtherAttemptWaitsTwiceAsLongAfterTheNewest() {
        #expect(backoff.retryAfter(ages: [0, 0, 0]) == 1)
        #expect(backoff.retryAfter(ages: [0, 0, 0, 0]) == 2)
        #expect(backoff.retryAfter(ages: Array(repeating: 0, count: 8)) == 32)
        #expect(backoff.retryAfter(ages: [10, 20, 30, 0.5]) == 2)  // measured from the newest, in any order
        #expect(backoff.retryAfter(ages: [1, 20, 30, 40]) == 1)  // 2 s after the newest (1 s ago): 1 s to go
        #expect(backoff.retryAfter(ages: [5, 20, 30, 40]) == nil)
    }

    @Test func theWaitStopsGrowingAtTheCeiling() {
        #expect(backoff.retryAfter(ages: Array(repeating: 0, count: 50)) == 900)
        #expect(backoff.lookback == 3 + 10)  // 2^10 s > 15 minutes: more attempts change nothing
        #expect(backoff.retryAfter(ages: Array(repeating: 0, count: backoff.lookback)) == 900)
    }

    @Test func attemptsOlderThanTheMemoryAreForgotten() {
        let day = 24.0 * 60 * 60
        #expect(backoff.retryAfter(ages: [day, day + 1, day + 2, 0]) == nil)
        #expect(backoff.retryAfter(ages: [day - 1, day - 2, 0]) == 1)
    }
}
