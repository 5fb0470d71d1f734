import Testing
@testable import Crypto

@Suite struct PasswordHasherTests {
    /// The cheapest accepted cost keeps these tests fast; one test runs the default.
    let hasher = PasswordHasher(cost: 10)

    @Test func hashHasThePHCShapeAndVerifies() throws {
        let phc = try hasher.hash("correct horse battery staple")
        #expect(phc.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        let fields = phc.split(separator: "$")
        #expect(fields.count == 4)
        #expect(fields[2].utf8.count == 22)  // 16 bytes, unpadded
        #expect(fields[3].utf8.count == 43)  // 32 bytes, unpadded
        #expect(try hasher.verify("correct horse battery staple", against: phc))
        #expect(try PasswordHash(phc: phc).phc == phc)
    }

    @Test func everyHashHasItsOwnSalt() throws {
        #expect(try hasher.hash("same password here") != hasher.hash("same password here"))
    }

    @Test func wrongPasswordsDoNotVerify() throws {
        let phc = try hasher.hash("correct horse battery staple")
        #expect(try !hasher.verify("correct horse battery stapl", against: phc))
        #expect(try !hasher.verify("correct horse battery staple ", against: phc))
        #expect(try !hasher.verify("Correct horse battery staple", against: phc))
        #expect(try !hasher.verify("", against: phc))
    }

    @Test func passwordsAreTheirBytesExactlyAsReceived() throws {
        let composed = "caf\u{E9} au lait, no sugar"
        let decomposed = "cafe\u{301} au lait, no sugar"
        #expect(composed == decomposed)  // equal as Swift Strings, different UTF-8
        let phc = try hasher.hash(composed)
        #expect(try hasher.verify(composed, against: phc))
        #expect(try !hasher.verify(decomposed, against: phc))
    }

    @Test func longUnicodePasswordsAreNotTruncated() throws {
        let password = String(repeating: "🔑", count: 1023) + "a"
        #expect(password.count == 1024)
        let phc = try hasher.hash(password)
        #expect(try hasher.verify(password, against: phc))
        #expect(try !hasher.verify(String(repeating: "🔑", count: 1023) + "b", against: phc))
    }

    @Test func hashesAtTheDefaultCost() throws {
        let hasher = PasswordHasher()
        let phc = try hasher.hash("a password at full strength")
        #expect(phc.hasPrefix("$scrypt$ln=17,r=8,p=1$"))
        #expect(try hasher.verify("a password at full strength", against: phc))
    }

    @Test func needsRehashWhenBelowTheConfiguredParameters() throws {
        let weak = try hasher.hash("a password hashed cheaply")
        #expect(PasswordHasher(cost: 11).needsRehash(weak))
        #expect(PasswordHasher(cost: 10, r: 9).needsRehash(weak))
        #expect(PasswordHasher(cost: 10, p: 2).needsRehash(weak))
        #expect(!hasher.needsRehash(weak))
        let strong = try PasswordHasher(cost: 11).hash("a password hashed more")
        #expect(!hasher.needsRehash(strong))
        #expect(hasher.needsRehash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"))
    }

    @Test func aFailedDerivationThrowsInsteadOfMatching() {
        #expect {
            _ = try Scrypt.deriveKey(password: [], salt: [], n: 1000, r: 8, p: 1, length: 32)
        } throws: { error in
            guard case CryptoError.keyDerivationFailed(let reason) = error else { return false }
            return reason.hasPrefix("EVP_PBE_scrypt: ")
        }
        #expect(Scrypt.memoryLimit(n: .max, r: 8, p: 1) == nil)
    }
}
