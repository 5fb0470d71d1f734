import Foundation

/// One file of the migrations directory, `NNNN_name.sql`: a version of four digits, a name of
/// letters, digits, `_` and `-`, and SQL run in a single transaction. The SQL must not end the
/// transaction itself (no `COMMIT`, no `CREATE INDEX CONCURRENTLY`).
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    /// `0001_schema`: the file name without `.sql`.
    public var id: String { Self.id(version: version, name: name) }

    static func id(version: Int, name: String) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }

    /// Every `.sql` file of `directory`, by version; other files are ignored.
    static func load(from directory: URL) throws(MigrationError) -> [Migration] {
        let fileNames: [String]
        do {
            fileNames = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadableDirectory(path: directory.path)
        }
        var migrations: [Migration] = []
        for fileName in fileNames where fileName.hasSuffix(".sql") {
            guard let (version, name) = parse(fileName: fileName) else { throw .invalidFileName(fileName) }
            let url = directory.appendingPathComponent(fileName)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let sql = String(data: data, encoding: .utf8)
            else { throw .unreadableFile(path: url.path) }
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { ($0.version, $0.name) < ($1.version, $1.name) }
        for (earlier, later) in zip(migrations, migrations.dropFirst()) where earlier.version == later.version {
            throw .duplicateVersion(earlier.id, later.id)
        }
        return migrations
    }

    private static func parse(fileName: String) -> (version: Int, name: String)? {
        let stem = fileName.dropLast(".sql".count)
        let digits = stem.prefix(4)
        let name = stem.dropFirst(5)
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let version = Int(digits),
              stem.dropFirst(4).first == "_", !name.isEmpty,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
        else { return nil }
        return (version, String(name))
    }
}
