import Testing
@testable import Crypto

/// Known answers from RFC 7914: PBKDF2-HMAC-SHA-256 (§11) and scrypt (§12).
@Suite struct RFC7914Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let password: String
        let salt: String
        let n: UInt64
        let r: UInt64
        let p: UInt64
        let expected: String

        var testDescription: String { "N=\(n), r=\(r), p=\(p)" }
    }

    static let scryptVectors = [
        Vector(password: "", salt: "", n: 16, r: 1, p: 1, expected: """
            77 d6 57 62 38 65 7b 20 3b 19 ca 42 c1 8a 04 97 f1 6b 48 44 e3 07 4a e8 df df fa 3f ed e2 14 42
            fc d0 06 9d ed 09 48 f8 32 6a 75 3a 0f c8 1f 17 e8 d3 e0 fb 2e 0d 36 28 cf 35 e2 0c 38 d1 89 06
            """),
        Vector(password: "password", salt: "NaCl", n: 1024, r: 8, p: 16, expected: """
            fd ba be 1c 9d 34 72 00 78 56 e7 19 0d 01 e9 fe 7c 6a d7 cb c8 23 78 30 e7 73 76 63 4b 37 31 62
            2e af 30 d9 2e 22 a3 88 6f f1 09 27 9d 98 30 da c7 27 af b9 4a 83 ee 6d 83 60 cb df a2 cc 06 40
            """),
        Vector(password: "pleaseletmein", salt: "SodiumChloride", n: 16384, r: 8, p: 1, expected: """
            70 23 bd cb 3a fd 73 48 46 1c 06 cd 81 fd 38 eb fd a8 fb ba 90 4f 8e 3e a9 b5 43 f6 54 5d a1 f2
            d5 43 29 55 61 3f 0f cf 62 d4 97 05 24 2a 9a f9 e6 1e 85 dc 0d 65 1e 40 df cf 01 7b 45 57 58 87
            """),
        Vector(password: "pleaseletmein", salt: "SodiumChloride", n: 1_048_576, r: 8, p: 1, expected: """
            21 01 cb 9b 6a 51 1a ae ad db be 09 cf 70 f8 81 ec 56 8d 57 4a 2f fd 4d ab e5 ee 98 20 ad aa 47
            8e 56 fd 8f 4b a5 d0 9f fa 1c 6d 92 7c 40 f4 c3 37 30 40 49 e8 a9 52 fb cb f4 5c 6f a7 7a 41 a4
            """),
    ]

    @Test(arguments: scryptVectors)
    func scrypt(_ vector: Vector) throws {
        let key = try Scrypt.deriveKey(
            password: Array(vector.password.utf8), salt: Array(vector.salt.utf8),
            n: vector.n, r: vector.r, p: vector.p, length: 64)
        #expect(Hex.encode(key) == Self.hex(vector.expected))
    }

    @Test func pbkdf2SingleIteration() throws {
        let key = try PBKDF2.sha256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
        #expect(Hex.encode(key) == Self.hex("""
            55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc
            49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83
            """))
    }

    @Test func pbkdf2EightyThousandIterations() throws {
        let key = try PBKDF2.sha256(
            password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80_000, length: 64)
        #expect(Hex.encode(key) == Self.hex("""
            4d dc d8 f6 0b 98 be 21 83 0c ee 5e f2 27 01 f9 64 1a 44 18 d0 4c 04 14 ae ff 08 87 6b 34 ab 56
            a1 d4 25 a1 22 58 33 54 9a db 84 1b 51 c9 b3 17 6a 27 2b de bb a1 d0 78 47 8f 62 b3 97 f3 3c 8d
            """))
    }

    /// The RFC's spaced, wrapped hex as one lowercase string.
    private static func hex(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }
}
