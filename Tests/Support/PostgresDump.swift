import Foundation

/// `pg_dump` of a test database, as text: to check what is (not) stored anywhere in it.
public enum PostgresDump {
    /// Where Debian keeps the PostgreSQL 15 tools; `STEPWORK_TEST_PG_DUMP` overrides it.
    static var executable: String {
        ProcessInfo.processInfo.environment["STEPWORK_TEST_PG_DUMP"] ?? "/usr/lib/postgresql/15/bin/pg_dump"
    }

    /// The whole database, schema and data, as the owner sees it.
    public static func text(of database: TestDatabase) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--no-owner", "--dbname", database.connectionString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestHTTPError("pg_dump exited with \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
