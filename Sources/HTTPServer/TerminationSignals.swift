import Glibc

/// SIGTERM and SIGINT, taken synchronously: block them before any thread starts (threads
/// inherit the mask), then `wait()` on the main thread.
public enum TerminationSignals {
    /// Blocks SIGTERM and SIGINT in the calling thread and the threads it will start.
    public static func block() {
        var set = signals()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits until SIGTERM or SIGINT arrives; returns its number.
    @discardableResult
    public static func wait() -> Int32 {
        var set = signals()
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received
    }

    /// Waits until SIGTERM or SIGINT arrives or `timeout` has passed; the signal's number, or
    /// nil when none came in time.
    public static func wait(upTo timeout: Duration) -> Int32? {
        var set = signals()
        let deadline = MonotonicClock.now() + timeout.nanoseconds
        while true {
            let now = MonotonicClock.now()
            let left = deadline > now ? deadline - now : 0
            var remaining = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
            let received = sigtimedwait(&set, nil, &remaining)
            if received > 0 { return received }
            guard errno == EINTR, left > 0 else { return nil }
        }
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
