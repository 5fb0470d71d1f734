import Foundation

/// A PostgreSQL cluster of its own in a fresh temporary directory, reached on a Unix socket
/// there; for tests that stop or restart the server, which must not disturb the shared test
/// cluster. Stopped and deleted when the last reference goes away.
///
/// As root the server runs as the `postgres` user (`runuser`): PostgreSQL refuses to run as root.
public final class TestCluster: Sendable {
    /// The cluster's directory, short because Unix socket paths are limited to about 100 bytes.
    public let directory: String
    /// Superuser `postgres`, database `postgres`.
    public let connectionString: String
    private let binaries: String

    /// Creates the cluster with `initdb` and starts it; takes a second or two.
    public static func start() throws -> TestCluster {
        let cluster = try TestCluster()
        try cluster.run("initdb", "-D", cluster.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
        let settings = """

            listen_addresses = ''
            unix_socket_directories = '\(cluster.directory)'
            port = 5432
            fsync = off
            max_connections = 40
            """
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: cluster.data + "/postgresql.conf"))
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data(settings.utf8))
        try cluster.run("pg_ctl", "-D", cluster.data, "-l", cluster.directory + "/server.log", "-w", "-t", "60", "start")
        return cluster
    }

    private init() throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.compactMap(Int.init).max() else {
            throw TestEnvironmentError("no PostgreSQL server under /usr/lib/postgresql: run `make test` to install it")
        }
        binaries = "/usr/lib/postgresql/\(version)/bin"
        var template = Array("/tmp/pgXXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!).map { String(cString: $0) } })
        else { throw TestEnvironmentError("mkdtemp failed: errno \(errno)") }
        directory = made
        connectionString = "host=\(directory) port=5432 user=postgres dbname=postgres"
        if getuid() == 0 {
            guard let owner = getpwnam("postgres") else {
                throw TestEnvironmentError("running as root needs the `postgres` user to run PostgreSQL")
            }
            chown(directory, owner.pointee.pw_uid, owner.pointee.pw_gid)
        }
    }

    deinit {
        try? run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Stops the server (fast shutdown: sessions are terminated) and starts it again; returns when it accepts connections.
    public func restart() throws {
        try run("pg_ctl", "-D", data, "-l", directory + "/server.log", "-m", "fast", "-w", "-t", "60", "restart")
    }

    private var data: String { directory + "/data" }

    /// Runs a PostgreSQL program as the cluster's owner, throwing its output if it fails.
    private func run(_ program: String, _ arguments: String...) throws {
        let logPath = directory + "/commands.log"
        let log = FileHandle(fileDescriptor: open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644), closeOnDealloc: true)
        let process = Process()
        let command = [binaries + "/" + program] + arguments
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "postgres", "--"] + command
        } else {
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw TestEnvironmentError("\(program) failed (\(process.terminationStatus)): \(output.suffix(2000))")
        }
    }
}
