import Testing
import Crypto

@Suite struct DigestAndRandomTests {
    @Test func sha256OfABC() {
        #expect(Hex.encode(SHA256.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfNothing() {
        #expect(Hex.encode(SHA256.hash([]))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hexIsLowercaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode([]) == "")
    }

    @Test func randomBytesHaveTheRequestedLengthAndDiffer() throws {
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        #expect(first != second)
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
    }

    @Test func constantTimeEqualsComparesLengthThenEveryByte() {
        let secret: [UInt8] = Array("a secret of some length".utf8)
        #expect(constantTimeEquals(secret, secret))
        #expect(constantTimeEquals([], []))
        #expect(!constantTimeEquals(secret, secret.dropLast() + [0]))
        #expect(!constantTimeEquals(secret, [0] + secret.dropFirst()))
        #expect(!constantTimeEquals(secret, Array(secret.dropLast())))
        #expect(!constantTimeEquals([], [0]))
    }
}
