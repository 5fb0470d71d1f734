// `make bench-db`, our side: the same primary-key SELECTs as Benchmarks/db/raw_libpq.c, through
// PostgresPool (pool size = threads), PostgresQuery interpolation and PostgresRow decoding.
//
//   stepwork-bench-db CONNINFO THREADS SECONDS
import Foundation
import Postgres

let arguments = CommandLine.arguments
guard arguments.count == 4, let threads = Int(arguments[2]), let seconds = Double(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: stepwork-bench-db CONNINFO THREADS SECONDS\n".utf8))
    exit(2)
}
let pool = PostgresPool(configuration: PostgresConfiguration(connectionString: arguments[1], poolSize: threads))
let workers = (0..<threads).map { Worker(pool: pool, seed: 2_463_534_242 &+ 7919 &* UInt32($0)) }
let ready = DispatchSemaphore(value: 0)
let go = DispatchSemaphore(value: 0)
let finished = DispatchSemaphore(value: 0)
for worker in workers {
    Thread {
        worker.run(seconds: seconds, ready: ready, go: go)
        finished.signal()
    }.start()
}
for _ in workers { ready.wait() }
for _ in workers { go.signal() }
for _ in workers { finished.wait() }

let all = workers.flatMap(\.latencies).sorted()
func percentile(_ fraction: Double) -> Int { Int(Double(all[Int(fraction * Double(all.count - 1))]) / 1e3) }
print("PostgresPool     threads=\(threads) seconds=\(Int(seconds)) queries=\(all.count) "
    + "qps=\(Int(Double(all.count) / seconds)) p50=\(percentile(0.5))us p99=\(percentile(0.99))us")
