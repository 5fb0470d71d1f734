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
        try cluster.configureAndStart(extra: "fsync = off\nmax_connections = 40")
        return cluster
    }

    /// A streaming replica of this cluster (`pg_basebackup -R`, physical replication, hot
    /// standby) in a directory of its own; the superuser may pause its replay
    /// (`pg_wal_replay_pause()`) to make it lag.
    public func startStandby() throws -> TestCluster {
        let standby = try TestCluster()
        try standby.run(
            "pg_basebackup", "-h", directory, "-p", "5432", "-U", "postgres", "-D", standby.data, "-R",
            "-X", "stream", "-c", "fast", "--no-sync")
        try standby.configureAndStart(extra: "hot_standby = on")
        return standby
    }

    /// Appends the socket settings (and `extra`) to `postgresql.conf`, then starts the server.
    private func configureAndStart(extra: String) throws {
        let settings = """

            listen_addresses = ''
            unix_socket_directories = '\(directory)'
            port = 5432
            \(extra)
            """
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
        defer { try? file.close() }
        try file.seekToEnd()
        try file.write(contentsOf: Data(settings.utf8))
        try run("pg_ctl", "-D", data, "-l", directory + "/server.log", "-w", "-t", "60", "start")
    }

    /// Stops the server (fast shutdown); it stays stopped.
    public func stop() throws {
        try run("pg_ctl", "-D", data, "-m", "fast", "-w", "stop")
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
    ///
    /// `posix_spawn` and `waitpid` rather than Foundation's `Process`, whose `waitUntilExit()`
    /// can miss the exit of a child that started a daemon (here `pg_ctl start`) and hang.
    private func run(_ program: String, _ arguments: String...) throws {
        let logPath = directory + "/commands.log"
        let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard log >= 0 else { throw TestEnvironmentError("cannot open \(logPath): errno \(errno)") }
        defer { close(log) }
        let command = [binaries + "/" + program] + arguments
        let argv = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + command : command
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, log, 1)
        posix_spawn_file_actions_adddup2(&actions, log, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else { throw TestEnvironmentError("cannot run \(argv[0]): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 0, spelled out: the C macros are not imported.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw TestEnvironmentError("\(program) failed (wait status \(status)): \(output.suffix(2000))")
        }
    }
}
