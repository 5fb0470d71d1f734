/// Exponential back-off: the first `free` attempts remembered wait for nothing; from then on
/// each attempt must come `base × 2^(n − free)` after the newest one (n attempts remembered),
/// at most `ceiling`. Never a lock-out: a patient client always gets its next try.
public struct ThrottleBackoff: ThrottleRule, Equatable {
    public let free: Int
    public let base: Duration
    public let ceiling: Duration
    public let memory: Duration

    public init(free: Int, base: Duration = .seconds(1), ceiling: Duration = .seconds(15 * 60),
                memory: Duration = .seconds(24 * 60 * 60)) {
        precondition(free > 0 && base > .zero && ceiling >= base && memory > .zero, "a back-off needs positive limits")
        self.free = free
        self.base = base
        self.ceiling = ceiling
        self.memory = memory
    }

    /// Doublings of `base` until the wait reaches `ceiling`: more attempts change nothing.
    private var doublings: Int {
        var count = 0
        while base.seconds * Double(1 << count) < ceiling.seconds { count += 1 }
        return count
    }

    public var lookback: Int { free + doublings }

    /// Seconds an attempt must wait after the newest when `count` attempts are remembered.
    func wait(afterAttempts count: Int) -> Double {
        guard count >= free else { return 0 }
        return min(ceiling.seconds, base.seconds * Double(1 << min(count - free, doublings)))
    }

    public func retryAfter(ages: [Double]) -> Int? {
        let remembered = ages.filter { $0 < memory.seconds }
        guard let newest = remembered.min() else { return nil }
        let remaining = wait(afterAttempts: remembered.count) - max(0, newest)
        return remaining > 0 ? max(1, Int(remaining.rounded(.up))) : nil
    }
}
