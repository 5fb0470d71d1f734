import Foundation

/// A temporary migrations directory, deleted when the last reference goes away.
final class MigrationFiles: Sendable {
    let directory: URL

    init(_ files: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, sql) in files { try write(name, sql) }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func write(_ name: String, _ sql: String) throws {
        try Data(sql.utf8).write(to: directory.appendingPathComponent(name))
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
}
