// TechEmpower endpoints on Stepwork's own stack, with the semantics of the peers in
// shared/bench/peers (TFB hummingbird2): /plaintext, /json, /db, /queries?queries=N.
// Settings: SERVER_HOST, SERVER_PORT, PG_HOST/PG_PORT or PG_SOCKET, PG_USER, PG_DB, PG_POOL_MAX.
import Foundation
import HTTPServer
import Logging
import Postgres

let environment = ProcessInfo.processInfo.environment
let poolSize = Int(environment["PG_POOL_MAX"] ?? "") ?? 16

var database = "dbname=\(environment["PG_DB"] ?? "bench") user=\(environment["PG_USER"] ?? "bench")"
if let socket = environment["PG_SOCKET"], !socket.isEmpty {
    // …/sock/.s.PGSQL.55432 → host=…/sock port=55432
    let url = URL(fileURLWithPath: socket)
    database += " host=\(url.deletingLastPathComponent().path) port=\(url.pathExtension)"
} else {
    database += " host=\(environment["PG_HOST"] ?? "127.0.0.1") port=\(environment["PG_PORT"] ?? "55432")"
}
let pool = PostgresPool(configuration: PostgresConfiguration(connectionString: database, poolSize: poolSize))

var configuration = HTTPServerConfiguration()
configuration.host = environment["SERVER_HOST"] ?? "127.0.0.1"
configuration.port = Int(environment["SERVER_PORT"] ?? "") ?? 8080
configuration.eventLoops = Int(environment["EVENT_LOOPS"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
configuration.workerThreads = poolSize
configuration.maxConnections = 20_000

TerminationSignals.block()
let server = HTTPServer(configuration: configuration, responder: BenchResponder(pool: pool), logger: Logger(level: .warning))
try server.start()
TerminationSignals.wait()
server.shutdown()
pool.close()
