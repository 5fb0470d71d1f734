import Testing
@testable import Crypto

/// Stored hashes are parsed strictly: anything unexpected is refused, never guessed at.
@Suite struct PasswordHashParsingTests {
    static let salt = Base64.encode(Array(repeating: 1, count: 16), alphabet: .standard)
    static let key = Base64.encode(Array(repeating: 2, count: 32), alphabet: .standard)

    static func phc(_ parameters: String, salt: String = salt, key: String = key) -> String {
        "$scrypt$\(parameters)$\(salt)$\(key)"
    }

    @Test func aWellFormedHashParses() throws {
        let parsed = try PasswordHash(phc: Self.phc("ln=17,r=8,p=1"))
        #expect(parsed == PasswordHash(cost: 17, r: 8, p: 1, salt: Array(repeating: 1, count: 16),
                                       key: Array(repeating: 2, count: 32)))
    }

    static let refused: [String] = [
        "",
        "scrypt$ln=17,r=8,p=1$\(salt)$\(key)",
        "$scrypt$ln=17,r=8,p=1$\(salt)$\(key)$",
        "$scrypt$ln=17,r=8,p=1$\(salt)",
        "$argon2id$ln=17,r=8,p=1$\(salt)$\(key)",
        "$SCRYPT$ln=17,r=8,p=1$\(salt)$\(key)",
        phc("ln=17,r=8"),
        phc("ln=17,r=8,p=1,p=1"),
        phc("ln=17,ln=17,r=8,p=1"),
        phc("r=8,ln=17,p=1"),
        phc("ln=17,r=8,p=1,x=1"),
        phc("ln=17,r=8,p"),
        phc("ln=17,r=8,p="),
        phc("ln=017,r=8,p=1"),
        phc("ln=+17,r=8,p=1"),
        phc("ln=-17,r=8,p=1"),
        phc("ln= 17,r=8,p=1"),
        phc("ln=9,r=8,p=1"),
        phc("ln=21,r=8,p=1"),
        phc("ln=99999999999999999999,r=8,p=1"),
        phc("ln=17,r=0,p=1"),
        phc("ln=17,r=17,p=1"),
        phc("ln=17,r=8,p=0"),
        phc("ln=17,r=8,p=17"),
        phc("ln=17,r=8,p=1", salt: salt + "=="),
        phc("ln=17,r=8,p=1", salt: Base64.encode(Array(repeating: 1, count: 15), alphabet: .standard)),
        phc("ln=17,r=8,p=1", salt: ""),
        phc("ln=17,r=8,p=1", key: Base64.encode(Array(repeating: 2, count: 31), alphabet: .standard)),
        phc("ln=17,r=8,p=1", key: Base64.encode(Array(repeating: 0xff, count: 32), alphabet: .url)),
        phc("ln=17,r=8,p=1", key: key + "="),
    ]

    @Test(arguments: refused)
    func malformedHashesAreRefused(_ phc: String) {
        #expect {
            _ = try PasswordHash(phc: phc)
        } throws: { error in
            guard case CryptoError.invalidPasswordHash = error else { return false }
            return true
        }
    }

    @Test func verifyingAgainstAMalformedHashThrows() {
        #expect(throws: CryptoError.invalidPasswordHash(reason: "algorithm is not scrypt")) {
            try PasswordHasher(cost: 10).verify("any password at all", against: "$md5$ln=17,r=8,p=1$\(Self.salt)$\(Self.key)")
        }
    }
}
