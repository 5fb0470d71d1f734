import Testing
import Crypto

/// Whatever is changed about a sealed message, opening it is refused as an authentication
/// failure, and every seal draws a fresh nonce.
@Suite struct AESGCMTamperTests {
    let key: SymmetricKey
    let associatedData = Array("entries/1234/body".utf8)
    let plaintext = Array("I owe my brother an apology for the car.".utf8)
    let box: SealedBox

    init() throws {
        key = try SymmetricKey.random()
        box = try AESGCM.seal(plaintext, using: key, authenticating: associatedData)
    }

    private func expectRefused(_ box: SealedBox, key: SymmetricKey? = nil, associatedData: [UInt8]? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: CryptoError.authenticationFailed, sourceLocation: sourceLocation) {
            try AESGCM.open(box, using: key ?? self.key, authenticating: associatedData ?? self.associatedData)
        }
    }

    @Test func aSealedMessageOpensWithItsKeyAndAssociatedData() throws {
        #expect(try AESGCM.open(box, using: key, authenticating: associatedData) == plaintext)
        #expect(box.ciphertext.count == plaintext.count && box.ciphertext != plaintext)
        #expect(try AESGCM.open(AESGCM.seal([], using: key, authenticating: []), using: key, authenticating: []) == [])
    }

    @Test func aFlippedByteAnywhereIsRefused() throws {
        let combined = box.combined
        for index in combined.indices {
            var tampered = combined
            tampered[index] ^= 0x01
            expectRefused(try #require(SealedBox(combined: tampered)))
        }
    }

    @Test func otherAssociatedDataIsRefused() {
        expectRefused(box, associatedData: Array("entries/1234/title".utf8))
        expectRefused(box, associatedData: [])
    }

    @Test func anotherKeyIsRefused() throws {
        expectRefused(box, key: try SymmetricKey.random())
    }

    @Test func aTruncatedOrExtendedMessageIsRefused() throws {
        expectRefused(try #require(SealedBox(nonce: box.nonce, ciphertext: box.ciphertext.dropLast(), tag: box.tag)))
        expectRefused(try #require(SealedBox(nonce: box.nonce, ciphertext: box.ciphertext + [0], tag: box.tag)))
        #expect(SealedBox(combined: box.combined.prefix(AESGCM.nonceByteCount + AESGCM.tagByteCount - 1)) == nil)
    }

    @Test func everySealDrawsAFreshNonce() throws {
        let again = try AESGCM.seal(plaintext, using: key, authenticating: associatedData)
        #expect(again.nonce != box.nonce && again.ciphertext != box.ciphertext)
    }

    @Test func keysAreExactly256BitsAndNeverPrinted() throws {
        #expect(SymmetricKey(bytes: Array(repeating: 1, count: 31)) == nil)
        #expect(SymmetricKey(bytes: Array(repeating: 1, count: 33)) == nil)
        #expect(String(describing: key) == "SymmetricKey(256 bits)")
        #expect(try SymmetricKey.random() != key)
    }
}
