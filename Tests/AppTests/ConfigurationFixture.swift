import Foundation

/// A configuration file of the test's own, in the temporary directory, removed at `deinit`.
final class ConfigurationFixture {
    let path: String

    init(_ contents: String) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("stepwork-config-\(UUID().uuidString).json").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The checkout's root, found from this source file's place in `Tests/AppTests`.
    static let checkout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
