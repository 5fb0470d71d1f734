/// The time an event happens at, as the state machine sees it: the loop reads its clocks
/// once per turn and hands the reading in; a test passes any time it likes.
struct LoopTime {
    /// Monotonic nanoseconds, for deadlines.
    var now: UInt64
    /// The `Date` header value for answers written now.
    var httpDate: [UInt8]
}
