import Foundation

/// Polls `condition` until it holds; throws when it still does not after `limit` (a bound
/// on a hang, not a timing assertion).
public func waitUntil(_ what: String, limit: Duration = .seconds(60), _ condition: () throws -> Bool) throws {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while try !condition() {
        guard clock.now < deadline else { throw StalledTest(what: what) }
        usleep(2_000)
    }
}

/// Something a test waits for never happened.
public struct StalledTest: Error, CustomStringConvertible {
    public let what: String
    public var description: String { "gave up waiting: \(what)" }
}
