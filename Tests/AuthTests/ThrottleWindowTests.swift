import Testing
@testable import Auth

@Suite struct ThrottleWindowTests {
    let window = ThrottleWindow(limit: 3, length: .seconds(900))

    @Test func allowsWhileFewerThanLimitEventsAreInTheWindow() {
        #expect(window.retryAfter(ages: []) == nil)
        #expect(window.retryAfter(ages: [10, 20]) == nil)
        #expect(window.retryAfter(ages: [10, 20, 900, 5000]) == nil)  // events at or past the window's edge no longer count
    }

    @Test func waitsUntilTheOldestCountedEventLeaves() {
        #expect(window.retryAfter(ages: [10, 20, 300]) == 600)
        #expect(window.retryAfter(ages: [300, 10, 20]) == 600)  // order does not matter
    }

    @Test func withMoreThanLimitEventsWaitsForTheLimitThNewest() {
        // Newest three: 10, 20, 30; once the one 30 s old leaves, only two remain.
        #expect(window.retryAfter(ages: [10, 20, 30, 40, 50]) == 870)
    }

    @Test func roundsUpToWholePositiveSeconds() {
        #expect(window.retryAfter(ages: [1, 2, 899.2]) == 1)
        #expect(window.retryAfter(ages: [1, 2, 899.999]) == 1)
        #expect(window.retryAfter(ages: [1, 2, 100.5]) == 800)
    }

    @Test func countsEventsNewerThanTheReadersClock() {
        #expect(window.retryAfter(ages: [-0.5, 1, 2]) == 898)
    }
}
