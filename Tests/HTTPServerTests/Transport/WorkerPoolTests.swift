import Dispatch
import Foundation
import Testing
import TestSupport
@testable import HTTPServer

@Suite struct WorkerPoolTests {
    @Test func stopGivesUpAtItsTimeoutWhileAJobStillRuns() throws {
        let pool = WorkerPool(threads: 1, queueLimit: 1, name: "test-worker")
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        #expect(pool.submit { started.signal(); release.wait(); finished.signal() })
        started.wait()
        #expect(pool.stop(waitingUpTo: .milliseconds(50)) == false)  // the job cannot end before `release`
        #expect(!pool.submit {})
        release.signal()
        #expect(pool.stop(waitingUpTo: .seconds(30)))
        #expect(finished.wait(timeout: .now()) == .success)
    }

    @Test func stopReturnsOnceTheRunningAndQueuedJobsAreDone() throws {
        let pool = WorkerPool(threads: 1, queueLimit: 2, name: "test-worker")
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let queuedRan = DispatchSemaphore(value: 0)
        #expect(pool.submit { started.signal(); release.wait() })
        started.wait()
        #expect(pool.submit { queuedRan.signal() })
        let stopped = Background { pool.stop(waitingUpTo: .seconds(30)) }
        release.signal()
        #expect(try stopped.join())
        #expect(queuedRan.wait(timeout: .now()) == .success, "stop returned before the queued job ran")
    }
}
