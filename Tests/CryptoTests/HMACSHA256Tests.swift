import Testing
import Crypto

/// HMAC-SHA-256 against the test cases of RFC 4231 §4.
@Suite struct HMACSHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        /// The expected tag in hex; test case 5 gives only its first 128 bits.
        let expected: String
        var testDescription: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "4.2", key: Array(repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
               expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(name: "4.3", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
               expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(name: "4.4", key: Array(repeating: 0xaa, count: 20), data: Array(repeating: 0xdd, count: 50),
               expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(name: "4.5", key: Array(1...25), data: Array(repeating: 0xcd, count: 50),
               expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(name: "4.6", key: Array(repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
               expected: "a3b6167473100ee06e0c796c2955552b"),
        Vector(name: "4.7", key: Array(repeating: 0xaa, count: 131),
               data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
               expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(name: "4.8", key: Array(repeating: 0xaa, count: 131),
               data: Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                   + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
               expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: vectors) func rfc4231(_ vector: Vector) {
        let tag = Hex.encode(HMACSHA256.authenticationCode(for: vector.data, key: vector.key))
        #expect(tag.hasPrefix(vector.expected))
        #expect(tag.count == 64)
    }

    @Test func anEmptyKeyAndMessageStillGiveTheStandardTag() {
        // HMAC-SHA-256("", ""), as computed by any conforming implementation.
        #expect(Hex.encode(HMACSHA256.authenticationCode(for: [], key: []))
            == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func hexRoundTripsAndRefusesWhatIsNotHex() {
        #expect(Hex.decode("000fA0ff") == [0x00, 0x0f, 0xa0, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode(" 0") == nil)
    }
}
