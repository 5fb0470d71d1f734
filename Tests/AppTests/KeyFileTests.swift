import Encryption
import Foundation
import Testing
@testable import App

/// `STEPWORK_KEY_FILE` as `serve` and `stepwork keys new` read it: owner-only, one
/// `v<N>:<64 hex digits>` per line; every problem is one line naming the variable and the file.
@Suite struct KeyFileTests {
    static let hex64 = String(repeating: "0123456789abcdef", count: 4)

    private func problem(_ contents: String, mode: Int = 0o600) throws -> String {
        let problem = try ConfigurationFixture.secretFileProblem(contents, mode: mode, variable: "STEPWORK_KEY_FILE") {
            path throws(ConfigurationError) in _ = try KeyRing.load(file: path)
        }
        #expect(!problem.contains(Self.hex64))  // a key is never repeated
        return problem
    }

    @Test func anOwnerOnlyFileOfKeyLinesIsTheKeyRing() throws {
        let file = try ConfigurationFixture(secret: "v1:\(Self.hex64)\nv2:\(Self.hex64.uppercased())\n", mode: 0o400)
        #expect(try KeyRing.load(file: file.path).newestVersion == 2)
    }

    @Test func aFileOpenToGroupOrOthersIsRefusedWithTheFix() throws {
        for mode in [0o640, 0o604, 0o620, 0o602, 0o666] {
            #expect(try problem("v1:\(Self.hex64)", mode: mode) == "readable or writable by group or others (chmod 600 it)")
        }
    }

    @Test func malformedDuplicateAndEmptyFilesAreRefused() throws {
        #expect(try problem("v1:\(Self.hex64)\nv2 \(Self.hex64)\n")
            == "line 2 is not of the form v<N>:<64 hex digits> (N from 1 to 2147483647)")
        #expect(try problem("v1:\(Self.hex64)\nv1:\(Self.hex64)\n") == "line 2 repeats version v1")
        #expect(try problem("") == "holds no key (add a line made by `stepwork keys new`)")
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: ConfigurationError.invalidSecretFile(
            variable: "STEPWORK_KEY_FILE", file: "/nonexistent/keys", problem: "No such file or directory")) {
            try KeyRing.load(file: "/nonexistent/keys")
        }
    }

    @Test func keysNewStartsAtVersionOneAndOtherwiseFollowsTheNewest() throws {
        let first = try StepworkCommand.newKeyLine(keyFile: "/nonexistent/keys")
        #expect(try KeyRing(parsing: first).newestVersion == 1 && first.hasPrefix("v1:"))
        // `keys new >> FILE` on a new file: the shell creates it, empty, before the command runs.
        let empty = try ConfigurationFixture(secret: "")
        #expect(try StepworkCommand.newKeyLine(keyFile: empty.path).hasPrefix("v1:"))
        let file = try ConfigurationFixture(secret: "v1:\(Self.hex64)\nv4:\(Self.hex64)\n")
        let next = try StepworkCommand.newKeyLine(keyFile: file.path)
        #expect(next.hasPrefix("v5:") && !next.contains(Self.hex64))
        #expect(try KeyRing(parsing: next).newestVersion == 5)
        let another = try StepworkCommand.newKeyLine(keyFile: file.path)
        #expect(another != next)  // a fresh key each time
        let open = try ConfigurationFixture(secret: "v1:\(Self.hex64)\n", mode: 0o644)
        #expect(throws: (any Error).self) { try StepworkCommand.newKeyLine(keyFile: open.path) }
    }

    @Test func keysNewAndRotateAndEncryptAreParsedAndOtherSubcommandsAreNot() throws {
        #expect(try Command(arguments: ["keys", "new"]) == .newKey(configFile: nil))
        #expect(try Command(arguments: ["keys", "new", "--config", "x.json"]) == .newKey(configFile: "x.json"))
        #expect(try Command(arguments: ["keys", "rotate"]) == .rotateKeys(configFile: nil))
        #expect(try Command(arguments: ["encrypt", "--config", "x.json"]) == .encrypt(configFile: "x.json"))
        for arguments in [["keys"], ["keys", "remove"], ["keys", "new", "extra"], ["keys", "rotate", "--migrate"],
                          ["keys", "new", "--migrate"], ["encrypt", "entries"]] {
            #expect(throws: UsageError.self, "\(arguments)") { try Command(arguments: arguments) }
        }
    }
}
