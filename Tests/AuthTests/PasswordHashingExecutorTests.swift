import Dispatch
import Foundation
import Testing
import TestSupport
@testable import Auth

@Suite struct PasswordHashingExecutorTests {
    struct Refused: Error, Equatable {}

    @Test func returnsResultsAndRethrowsErrors() throws {
        let executor = PasswordHashingExecutor(concurrency: 2, queueCapacity: 2)
        defer { executor.shutdown() }
        #expect(try executor.run { 6 * 7 } == 42)
        #expect(throws: Refused()) { try executor.run { () throws -> Int in throw Refused() } }
    }

    @Test func neverRunsMoreThanItsConcurrency() {
        let executor = PasswordHashingExecutor(concurrency: 2, queueCapacity: 64)
        defer { executor.shutdown() }
        DispatchQueue.concurrentPerform(iterations: 24) { index in
            _ = try? executor.run { (0..<200_000).reduce(index, &+) }
        }
        #expect((1...2).contains(executor.highWaterMark))
    }

    /// Work that may not queue runs only on a free thread: the queue stays for other work.
    @Test func workThatMayNotQueueRunsOnlyOnAFreeThread() throws {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 4)
        defer { executor.shutdown() }
        #expect(try executor.run(queueing: false) { 1 } == 1)
        let (started, release, finished) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
        Thread.detachNewThread {
            _ = try? executor.run { started.signal(); release.wait() }
            finished.signal()
        }
        started.wait()
        #expect(throws: PasswordHashingError.busy) { try executor.run(queueing: false) { 1 } }
        let queued = BackgroundCall { try executor.run { 2 } }  // queueing work still waits its turn
        release.signal()
        finished.wait()
        #expect(try queued.join() == 2)
    }

    @Test func refusesAtOnceWhenThreadsAndQueueAreFull() throws {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 0)
        defer { executor.shutdown() }
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? executor.run { release.wait() }
            finished.signal()
        }
        while executor.highWaterMark == 0 { usleep(1000) }  // the blocking job is running
        #expect(throws: PasswordHashingError.busy) { try executor.run { 1 } }
        release.signal()
        finished.wait()
        #expect(try executor.run { 2 } == 2)
    }

    @Test func runsWorkAtALowerSchedulingPriority() throws {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 0, niceness: 10)
        defer { executor.shutdown() }
        let nice = try executor.run { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        #expect(nice == 10)
    }

    @Test func refusesWorkAfterShutdown() {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 1)
        executor.shutdown()
        #expect(throws: PasswordHashingError.busy) { try executor.run { 1 } }
    }

    @Test func shutdownGivesUpAtItsTimeoutWhileAJobStillRuns() throws {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 0)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let job = Background { try executor.run { started.signal(); release.wait() } }
        started.wait()
        #expect(executor.shutdown(waitingUpTo: .milliseconds(50)) == false)  // the job cannot end before `release`
        release.signal()
        #expect(executor.shutdown(waitingUpTo: .seconds(30)))
        try job.join()
    }

    @Test func shutdownReturnsOnceTheRunningAndQueuedJobsAreDone() throws {
        let executor = PasswordHashingExecutor(concurrency: 1, queueCapacity: 1)
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let queuedRan = DispatchSemaphore(value: 0)
        let running = Background { try executor.run { started.signal(); release.wait() } }
        started.wait()
        let queued = Background { try executor.run { queuedRan.signal() } }
        // Bounded: the queued job is accepted (or refused) at once; allow 10 s.
        for _ in 0..<1000 where executor.queuedJobs == 0 { usleep(10_000) }
        try #require(executor.queuedJobs == 1)
        let stopped = Background { executor.shutdown(waitingUpTo: .seconds(30)) }
        release.signal()
        #expect(try stopped.join())
        #expect(queuedRan.wait(timeout: .now()) == .success, "shutdown returned before the queued job ran")
        try running.join()
        try queued.join()
    }
}
