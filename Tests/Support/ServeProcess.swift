import Foundation
import Glibc

/// A real `stepwork serve` of this checkout's debug build, as a child process on a free
/// loopback port over `database` (as the runtime role, like `TestApp`), with a server secret of
/// its own and the key file it is given. Stopped with `SIGTERM` and waited for when the last
/// reference goes.
public final class ServeProcess: Sendable {
    public let port: Int
    private let pid: pid_t
    private let directory: String

    /// Starts the process and returns once it answers `GET /readyz` (within a minute). `keys` is
    /// its key file (`KeyRing.line`s): the keys of the process it shares `database` with, so
    /// that each opens the data keys the other wrapped.
    public init(database: TestDatabase, keys: String) throws {
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let binary = checkout.appendingPathComponent(".build/debug/stepwork").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw TestEnvironmentError("no \(binary): `swift build --build-tests` builds it")
        }
        var template = Array((NSTemporaryDirectory() + "/stepwork-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!).map { String(cString: $0) } })
        else { throw TestEnvironmentError("mkdtemp failed: errno \(errno)") }
        directory = made
        let hex = { (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined() }
        try Self.writeSecret(hex(), to: directory + "/secret")
        try Self.writeSecret(keys, to: directory + "/keys")
        port = try Self.freePort()

        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("STEPWORK_") }
        environment.merge([
            "STEPWORK_DATABASE_URL": database.runtimeConnectionString, "STEPWORK_HOST": "127.0.0.1",
            "STEPWORK_PORT": String(port), "STEPWORK_SECRET_FILE": directory + "/secret",
            "STEPWORK_KEY_FILE": directory + "/keys", "STEPWORK_PASSWORD_HASH_COST": "10", "STEPWORK_LOG_LEVEL": "warning",
        ]) { $1 }
        pid = try Self.spawn(binary, ["serve"], environment: environment, log: directory + "/serve.log")

        let (pid, directory, port) = (pid, directory, port)
        do {
            try waitUntil("stepwork serve answers on port \(port)") {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    let log = (try? String(contentsOfFile: directory + "/serve.log", encoding: .utf8)) ?? ""
                    throw TestEnvironmentError("stepwork serve exited: \(log.suffix(2000))")
                }
                return (try? TestHTTPClient(port: port).request("GET", "/readyz").status) == 200
            }
        } catch {
            stop()
            throw error
        }
    }

    deinit { stop() }

    private func stop() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func writeSecret(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw TestEnvironmentError("cannot write \(path)") }
    }

    /// A port nothing listens on now (bound to port 0 and let go).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestEnvironmentError("no free port: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts `binary` with its output in `log`; posix_spawn, as `TestCluster` does, not `Process`.
    private static func spawn(_ binary: String, _ arguments: [String], environment: [String: String], log: String) throws -> pid_t {
        let output = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw TestEnvironmentError("cannot open \(log): errno \(errno)") }
        defer { close(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw TestEnvironmentError("cannot run \(binary): errno \(spawned)") }
        return pid
    }
}
