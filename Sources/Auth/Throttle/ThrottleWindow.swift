/// The arithmetic of a sliding-window throttle: at most `limit` events per `length`.
///
/// There is no lock-out: once the window holds `limit` events, the subject waits until the
/// oldest event that keeps it full leaves the window, and is then allowed one more attempt.
public struct ThrottleWindow: ThrottleRule, Equatable {
    public let limit: Int
    public let length: Duration

    public init(limit: Int, length: Duration) {
        precondition(limit > 0 && length > .zero, "a throttle needs a positive limit and window")
        self.limit = limit
        self.length = length
    }

    public var memory: Duration { length }
    public var lookback: Int { limit }

    public func retryAfter(ages: [Double]) -> Int? {
        let seconds = length.seconds
        let counted = ages.filter { $0 < seconds }.sorted()
        guard counted.count >= limit else { return nil }
        // Once the `limit`-th newest event leaves the window, fewer than `limit` remain.
        let remaining = seconds - counted[limit - 1]
        return max(1, Int(remaining.rounded(.up)))
    }
}
