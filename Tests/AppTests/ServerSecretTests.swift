import Foundation
import Testing
@testable import App

/// `STEPWORK_SECRET_FILE`: one line of at least 64 hex digits, open to its owner only.
@Suite struct ServerSecretTests {
    static let hex64 = String(repeating: "0123456789abcdef", count: 4)

    private func problem(_ contents: String, mode: Int = 0o600) throws -> String {
        try ConfigurationFixture.secretFileProblem(contents, mode: mode, variable: "STEPWORK_SECRET_FILE") { path throws(ConfigurationError) in
            _ = try ServerSecret.load(file: path)
        }
    }

    @Test func aLineOfHexReadableByItsOwnerOnlyIsTheSecret() throws {
        let file = try ConfigurationFixture(secret: Self.hex64 + "\n")
        let secret = try ServerSecret.load(file: file.path)
        #expect(secret.bytes.count == 32 && secret.bytes.prefix(2) == [0x01, 0x23])
        let longer = try ConfigurationFixture(secret: Self.hex64.uppercased() + Self.hex64, mode: 0o400)
        #expect(try ServerSecret.load(file: longer.path).bytes.count == 64)
        #expect(!String(describing: secret).contains("0123"))  // never printed
    }

    @Test func aSecretReadableOrWritableByGroupOrOthersIsRefused() throws {
        for mode in [0o640, 0o604, 0o644, 0o620, 0o602] {
            #expect(try problem(Self.hex64, mode: mode) == "readable or writable by group or others (chmod 600 it)")
        }
    }

    @Test func aShortOrMalformedSecretIsRefused() throws {
        let expected = "not one line of at least 64 hex digits (an even number)"
        for contents in [String(Self.hex64.dropLast(2)), Self.hex64 + "\n" + Self.hex64, "x" + Self.hex64.dropFirst(), "", Self.hex64 + "0"] {
            #expect(try problem(contents) == expected, "\(contents)")
        }
    }

    @Test func aMissingFileIsNamed() throws {
        let error = try #require(throws: ConfigurationError.self) { try ServerSecret.load(file: "/nonexistent/secret") }
        #expect(error.description == "STEPWORK_SECRET_FILE: /nonexistent/secret: No such file or directory")
    }
}
