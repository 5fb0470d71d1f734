import Foundation
import Postgres

/// One benchmark thread's queries and their latencies.
///
/// `@unchecked Sendable`: only its own thread touches it until that thread has finished.
final class Worker: @unchecked Sendable {
    private let pool: PostgresPool
    private var random: UInt32
    private(set) var latencies: [UInt64] = []

    init(pool: PostgresPool, seed: UInt32) {
        self.pool = pool
        random = seed
    }

    /// Warms up (connects, prepares), signals `ready`, waits for `go`, then queries for `seconds`.
    func run(seconds: Double, ready: DispatchSemaphore, go: DispatchSemaphore) {
        do {
            for _ in 0..<100 { try selectWorld() }
            ready.signal()
            go.wait()
            latencies.reserveCapacity(1 << 16)
            let end = Self.now() + UInt64(seconds * 1e9)
            while true {
                let start = Self.now()
                if start >= end { break }
                try selectWorld()
                latencies.append(Self.now() - start)
            }
        } catch {
            FileHandle.standardError.write(Data("query failed: \(String(reflecting: error))\n".utf8))
            exit(1)
        }
    }

    private func selectWorld() throws {
        let row = try pool.query("SELECT id, randomnumber FROM world WHERE id = \(nextID())")[0]
        guard try row.decode("id", as: Int32.self) > 0, try row.decode("randomnumber", as: Int32.self) > 0 else {
            fatalError("unexpected row")
        }
    }

    /// xorshift32, as in the C benchmark.
    private func nextID() -> Int32 {
        random ^= random << 13
        random ^= random >> 17
        random ^= random << 5
        return Int32(1 + random % 10_000)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
