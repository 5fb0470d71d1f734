import Crypto
import Encryption
import Testing

/// The key file's text: `v<N>:<64 hex digits>` per line, the highest version newest.
@Suite struct KeyRingTests {
    static let hex64 = String(repeating: "0123456789abcdef", count: 4)

    @Test func linesGiveKeysByVersionAndTheHighestIsNewest() throws {
        let ring = try KeyRing(parsing: "v2:\(Self.hex64)\n\n  v10:\(Self.hex64.uppercased())\r\nv1:\(String(repeating: "f", count: 64))\n")
        #expect(ring.newestVersion == 10)
        let key = try SymmetricKey.random()
        #expect(try KeyRing(parsing: KeyRing.line(version: 7, key: key)) == KeyRing(keys: [7: key]))
        #expect(KeyRing.line(version: 7, key: key).hasPrefix("v7:") && KeyRing.line(version: 7, key: key).count == 67)
    }

    @Test func aMalformedLineIsNamedByNumberWithoutItsContent() {
        let malformed = [
            "v1 \(Self.hex64)", "1:\(Self.hex64)", "v:\(Self.hex64)", "v01:\(Self.hex64)", "v0:\(Self.hex64)",
            "v2147483648:\(Self.hex64)", "v-1:\(Self.hex64)", "v1:\(Self.hex64.dropLast())", "v1:\(Self.hex64)00",
            "v1:\(Self.hex64.dropLast())g", "v1:\(Self.hex64):", "# v1:\(Self.hex64)",
        ]
        for line in malformed {
            #expect(throws: KeyRingError.malformedLine(2), "\(line)") {
                try KeyRing(parsing: "v3:\(Self.hex64)\n\(line)\n")
            }
        }
        let description = KeyRingError.malformedLine(2).description
        #expect(description == "line 2 is not of the form v<N>:<64 hex digits> (N from 1 to 2147483647)")
    }

    @Test func aRepeatedVersionIsRefused() {
        #expect(throws: KeyRingError.duplicateVersion(1, line: 3)) {
            try KeyRing(parsing: "v1:\(Self.hex64)\nv2:\(Self.hex64)\nv1:\(String(repeating: "a", count: 64))")
        }
    }

    @Test func aFileWithoutKeysIsRefused() {
        for text in ["", "\n", "  \n\n"] {
            #expect(throws: KeyRingError.empty) { try KeyRing(parsing: text) }
        }
        #expect(KeyRingError.empty.description == "holds no key (add a line made by `stepwork keys new`)")
    }
}
