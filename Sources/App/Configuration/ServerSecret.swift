import Crypto
import Foundation

/// The server secret behind keyed hashes (throttle subjects): at least 32 bytes, read from
/// `STEPWORK_SECRET_FILE`, which holds one line of at least 64 hex digits and must be neither
/// readable nor writable by group or others. Never printed.
public struct ServerSecret: Sendable, Equatable, CustomStringConvertible {
    /// The fewest bytes (64 hex digits) a secret may have.
    public static let minimumByteCount = 32

    public let bytes: [UInt8]

    /// A secret of at least `minimumByteCount` bytes, e.g. fresh random ones in tests.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= Self.minimumByteCount else { return nil }
        self.bytes = bytes
    }

    /// Reads and checks `file`; the error names the variable, the file and the problem.
    public static func load(file: String) throws(ConfigurationError) -> ServerSecret {
        var text = try SecretFile.read(file, variable: "STEPWORK_SECRET_FILE")
        if text.hasSuffix("\n") { text.removeLast() }
        guard let bytes = Hex.decode(text), let secret = ServerSecret(bytes: bytes) else {
            throw .invalidSecretFile(
                variable: "STEPWORK_SECRET_FILE", file: file,
                problem: "not one line of at least \(2 * minimumByteCount) hex digits (an even number)")
        }
        return secret
    }

    public var description: String { "ServerSecret(\(bytes.count) bytes)" }
}
