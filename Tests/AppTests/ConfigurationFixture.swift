@testable import App
import Foundation
import Testing

/// A configuration file of the test's own, in the temporary directory, removed at `deinit`.
final class ConfigurationFixture {
    let path: String

    init(_ contents: String) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("stepwork-config-\(UUID().uuidString).json").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A secret file (server secret, key file) with permissions `mode`.
    convenience init(secret contents: String, mode: Int = 0o600) throws {
        try self.init(contents)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// What `load` finds wrong with a secret file of `contents` and `mode`: its one-line error
    /// without the `<variable>: <file>: ` that must start it.
    static func secretFileProblem(
        _ contents: String, mode: Int = 0o600, variable: String,
        load: (String) throws(ConfigurationError) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let file = try ConfigurationFixture(secret: contents, mode: mode)
        let error = try #require(throws: ConfigurationError.self, sourceLocation: sourceLocation) { try load(file.path) }
        let prefix = "\(variable): \(file.path): "
        #expect(error.description.hasPrefix(prefix), sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        return String(error.description.dropFirst(prefix.count))
    }

    /// The checkout's root, found from this source file's place in `Tests/AppTests`.
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
