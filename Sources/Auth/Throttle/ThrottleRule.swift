/// How a throttle decides, from a subject's recent attempts, whether one more is allowed now.
public protocol ThrottleRule: Sendable {
    /// How long an attempt is remembered.
    var memory: Duration { get }
    /// How many of the newest remembered attempts the decision needs at most.
    var lookback: Int { get }
    /// Whole seconds until the next attempt is allowed, or nil when it is allowed now.
    ///
    /// - Parameter ages: how long ago each remembered attempt happened, in seconds, in any
    ///   order (one committed after the reader's clock was read may be slightly negative);
    ///   at least the `lookback` newest are needed.
    func retryAfter(ages: [Double]) -> Int?
}
