import Foundation
import Glibc
import HTTPServer
import Testing
import TestSupport

/// The shutdown grace's wait: a second SIGTERM/SIGINT ends it. Signals are sent to one thread
/// that blocks them (`pthread_kill`), never to the test process.
@Suite struct TerminationSignalsTests {
    @Test func aSignalEndsTheWaitAndNoneLetsItTimeOut() throws {
        let received = Background { () -> [Int32?] in
            TerminationSignals.block()
            let quiet = TerminationSignals.wait(upTo: .milliseconds(10))
            pthread_kill(pthread_self(), SIGTERM)
            let signalled = TerminationSignals.wait(upTo: .seconds(60))
            return [quiet, signalled]
        }
        #expect(try received.join() == [nil, SIGTERM])
    }
}
