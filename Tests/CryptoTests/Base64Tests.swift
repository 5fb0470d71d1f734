import Crypto
import Foundation
import Testing

@Suite struct Base64Tests {
    /// RFC 4648 §10, without the padding.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test func rfc4648VectorsRoundTripUnpadded() {
        for (plain, encoded) in Self.vectors {
            #expect(Base64.encode(Array(plain.utf8), alphabet: .standard) == encoded)
            #expect(Base64.decode(encoded, alphabet: .standard) == Array(plain.utf8))
            #expect(Base64.decode(encoded, alphabet: .url) == Array(plain.utf8))
        }
    }

    @Test func alphabetsDifferInTheLastTwoDigits() {
        let bytes: [UInt8] = [0xfb, 0xff, 0xbf]
        #expect(Base64.encode(bytes, alphabet: .standard) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .url) == "-_-_")
        #expect(Base64.decode("-_-_", alphabet: .url) == bytes)
        #expect(Base64.decode("+/+/", alphabet: .url) == nil)
        #expect(Base64.decode("-_-_", alphabet: .standard) == nil)
    }

    @Test(arguments: ["Zg==", "Zm9v=", "Zm 9v", "Zm9v\n", "Z", "Zm9vY", "Zh", "Zm9=", "Zm9vYmE!", "Zm9vYmF"])
    func decodingRefusesAnythingEncodeWouldNotProduce(_ text: String) {
        #expect(Base64.decode(text, alphabet: .standard) == nil)
    }

    @Test func tokensRoundTrip() throws {
        let token = try SecureRandom.bytes(count: 32)
        let text = Base64.encode(token, alphabet: .url)
        #expect(text.utf8.count == 43)
        #expect(Base64.decode(text, alphabet: .url) == token)
    }

    /// Foundation's encoder, unpadded, as an independent oracle for every length of a few
    /// groups and every byte value.
    @Test func agreesWithFoundationForEveryLengthAndByte() throws {
        for count in 0...67 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 * 37 + count * 11) } + (count == 67 ? Array(0...255) : [])
            var expected = Data(bytes).base64EncodedString()
            while expected.hasSuffix("=") { expected.removeLast() }
            #expect(Base64.encode(bytes, alphabet: .standard) == expected)
            let url = String(expected.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
            #expect(Base64.encode(bytes, alphabet: .url) == url)
            #expect(Base64.decode(expected, alphabet: .standard) == bytes)
            #expect(Base64.decode(url, alphabet: .url) == bytes)
        }
    }
}
