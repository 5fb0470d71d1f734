import Foundation
import Synchronization

/// Runs `body` on `count` threads of their own, all at once, and returns the results in
/// index order (threads, not tasks: the calls block on sockets and PostgreSQL).
func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let results = Mutex<[Int: T]>([:])
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            let result = body(index)
            results.withLock { $0[index] = result }
            group.leave()
        }
    }
    group.wait()
    return results.withLock { results in (0..<count).map { results[$0]! } }
}
