// TechEmpower endpoints on Stepwork's own stack, with the semantics of the peers in
// shared/bench/peers (TFB hummingbird2): /plaintext, /json, /db, /queries?queries=N.
import Foundation
import HTTPServer
import Logging

let environment = ProcessInfo.processInfo.environment
var configuration = HTTPServerConfiguration()
configuration.host = environment["SERVER_HOST"] ?? "127.0.0.1"
configuration.port = Int(environment["SERVER_PORT"] ?? "") ?? 8080
configuration.eventLoops = Int(environment["EVENT_LOOPS"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
configuration.workerThreads = Int(environment["PG_POOL_MAX"] ?? "") ?? 16
configuration.maxConnections = 20_000

TerminationSignals.block()
let server = HTTPServer(configuration: configuration, responder: BenchResponder(), logger: Logger(level: .warning))
try server.start()
TerminationSignals.wait()
server.shutdown()
