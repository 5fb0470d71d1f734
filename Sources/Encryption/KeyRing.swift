import Crypto
import Foundation

/// The key-encryption keys, by version, from the key file (`STEPWORK_KEY_FILE`): one line
/// `v<N>:<64 hex digits>` per 256-bit key. The newest version wraps new data keys; older ones
/// stay to unwrap what was wrapped under them until everything is re-wrapped.
public struct KeyRing: Sendable, Equatable {
    /// Versions fit PostgreSQL's `integer`.
    public static let versionRange = 1...Int(Int32.max)

    private let keys: [Int: SymmetricKey]
    /// The version that wraps new data keys.
    public let newestVersion: Int

    /// - Precondition: `keys` is not empty and every version is in `versionRange`.
    public init(keys: [Int: SymmetricKey]) {
        precondition(!keys.isEmpty && keys.keys.allSatisfy(Self.versionRange.contains), "a key ring needs valid versions")
        self.keys = keys
        newestVersion = keys.keys.max()!
    }

    /// The keys of a key file's text. Blank lines and whitespace around a line are ignored.
    public init(parsing text: String) throws(KeyRingError) {
        var keys: [Int: SymmetricKey] = [:]
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            guard let (version, key) = Self.entry(line) else { throw .malformedLine(index + 1) }
            guard keys.updateValue(key, forKey: version) == nil else { throw .duplicateVersion(version, line: index + 1) }
        }
        guard !keys.isEmpty else { throw .empty }
        self.init(keys: keys)
    }

    /// The key file line for `key` as version `version`.
    public static func line(version: Int, key: SymmetricKey) -> String {
        "v\(version):\(Hex.encode(key.bytes))"
    }

    /// `dataKey`, wrapped for `owner` under the newest key.
    public func wrap(_ dataKey: DataKey, owner: UUID) throws(EncryptionError) -> WrappedDataKey {
        try WrappedDataKey(sealing: dataKey, owner: owner, under: keys[newestVersion]!, version: newestVersion)
    }

    /// The data key inside `wrapped`, if it was wrapped for `owner` under the key this ring
    /// has for its version.
    public func unwrap(_ wrapped: WrappedDataKey, owner: UUID) throws(EncryptionError) -> DataKey {
        guard let key = keys[wrapped.keyVersion] else { throw .unknownKeyVersion(wrapped.keyVersion) }
        return try wrapped.open(owner: owner, with: key)
    }

    /// `wrapped` re-wrapped under the newest key; the data key, and so every text sealed
    /// under it, stays the same.
    public func rewrap(_ wrapped: WrappedDataKey, owner: UUID) throws(EncryptionError) -> WrappedDataKey {
        try wrap(unwrap(wrapped, owner: owner), owner: owner)
    }

    /// `v<N>:<64 hex digits>` as a version and a key, or nil.
    private static func entry(_ line: String) -> (Int, SymmetricKey)? {
        let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].hasPrefix("v") else { return nil }
        let digits = parts[0].dropFirst()
        guard (1...10).contains(digits.utf8.count), digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              !digits.hasPrefix("0"), let version = Int(digits), versionRange.contains(version),
              parts[1].utf8.count == 2 * SymmetricKey.byteCount,
              let bytes = Hex.decode(parts[1]), let key = SymmetricKey(bytes: bytes)
        else { return nil }
        return (version, key)
    }
}
