import Crypto
import Foundation
import Testing
import Encryption

/// Data keys wrapped under the key ring, texts sealed under data keys: round trips, binding to
/// owner and place, rotation, and every kind of refusal.
@Suite struct EnvelopeTests {
    let owner = UUID()
    let entry = UUID()
    let v1: SymmetricKey
    let v2: SymmetricKey
    let ring: KeyRing
    let dataKey: DataKey
    let cipher: FieldCipher

    init() throws {
        v1 = try SymmetricKey.random()
        v2 = try SymmetricKey.random()
        ring = KeyRing(keys: [1: v1])
        dataKey = try DataKey.generate()
        cipher = FieldCipher(dataKey: dataKey)
    }

    private func field(_ column: String, row: UUID? = nil, table: String = "entries") -> FieldIdentity {
        FieldIdentity(table: table, row: row ?? entry, column: column)
    }

    @Test func aTextRoundTripsThroughItsStoredForm() throws {
        for text in ["", "Step 4: resentments", "Ünïcödé ✓ 🙏", String(repeating: "x", count: 100_000)] {
            let sealed = try cipher.seal(text, for: field("body"))
            #expect(sealed.bytes.count == text.utf8.count + SealedField.overhead)
            #expect(try cipher.open(SealedField(bytes: sealed.bytes), for: field("body")) == text)
        }
        let sealed = try cipher.seal("same text", for: field("body"))
        #expect(try cipher.seal("same text", for: field("body")).bytes != sealed.bytes)  // a fresh nonce each time
        #expect(sealed.bytes[0] == 1 && sealed.bytes[1...4] == [0, 0, 0, 1])
    }

    @Test func aTextMovedToAnotherRowColumnOrTableIsRefused() throws {
        let sealed = try cipher.seal("I resent my boss", for: field("body"))
        for elsewhere in [field("title"), field("body", row: UUID()), field("body", table: "comments"),
                          field("fields.situation")] {
            #expect(throws: EncryptionError.authenticationFailed) { try cipher.open(sealed, for: elsewhere) }
        }
    }

    @Test func aTamperedStoredTextOrAnotherKeyIsRefused() throws {
        let stored = try cipher.seal("amends to my sister", for: field("body")).bytes
        for index in 5..<stored.count {  // nonce, ciphertext, tag
            var tampered = stored
            tampered[index] ^= 0x80
            #expect(throws: EncryptionError.authenticationFailed) {
                try cipher.open(SealedField(bytes: tampered), for: field("body"))
            }
        }
        let otherKey = FieldCipher(dataKey: try DataKey.generate())
        #expect(throws: EncryptionError.authenticationFailed) {
            try otherKey.open(SealedField(bytes: stored), for: field("body"))
        }
        var relabelled = stored
        relabelled[4] = 2  // claims data key version 2
        #expect(throws: EncryptionError.unknownDataKeyVersion(2)) {
            try cipher.open(SealedField(bytes: relabelled), for: field("body"))
        }
        let secondKey = FieldCipher(dataKey: DataKey(version: 2, key: dataKey.key))
        #expect(throws: EncryptionError.authenticationFailed) {
            try secondKey.open(SealedField(bytes: relabelled), for: field("body"))
        }
    }

    @Test func whatIsNotAStoredFormIsRefusedAsMalformed() {
        let valid = [SealedField.format, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 28)
        for bytes in [[], Array(valid.dropLast()), [2] + valid.dropFirst(), [1, 0, 0, 0, 0] + valid.dropFirst(5),
                      [1, 0x80, 0, 0, 0] + valid.dropFirst(5)] {
            #expect(throws: EncryptionError.self) { try SealedField(bytes: bytes) }
        }
        #expect(throws: Never.self) { try SealedField(bytes: valid) }
    }

    @Test func aDataKeyUnwrapsOnlyForItsOwner() throws {
        let wrapped = try ring.wrap(dataKey, owner: owner)
        #expect(wrapped.keyVersion == 1 && wrapped.dataKeyVersion == 1 && wrapped.bytes.count == WrappedDataKey.byteCount)
        #expect(try ring.unwrap(wrapped, owner: owner) == dataKey)
        #expect(throws: EncryptionError.authenticationFailed) { try ring.unwrap(wrapped, owner: UUID()) }
    }

    @Test func aTamperedOrRelabelledWrappedKeyIsRefused() throws {
        let wrapped = try ring.wrap(dataKey, owner: owner)
        for index in 1..<wrapped.bytes.count {
            var bytes = wrapped.bytes
            bytes[index] ^= 0x01
            let tampered = try WrappedDataKey(dataKeyVersion: 1, keyVersion: 1, bytes: bytes)
            #expect(throws: EncryptionError.authenticationFailed) { try ring.unwrap(tampered, owner: owner) }
        }
        let otherDataKeyVersion = try WrappedDataKey(dataKeyVersion: 2, keyVersion: 1, bytes: wrapped.bytes)
        #expect(throws: EncryptionError.authenticationFailed) { try ring.unwrap(otherDataKeyVersion, owner: owner) }
        // The same version number with another key (a wrong key file) is refused too.
        #expect(throws: EncryptionError.authenticationFailed) {
            try KeyRing(keys: [1: v2]).unwrap(wrapped, owner: owner)
        }
        #expect(throws: EncryptionError.malformed("not a wrapped data key of format 1")) {
            try WrappedDataKey(dataKeyVersion: 1, keyVersion: 1, bytes: Array(wrapped.bytes.dropLast()))
        }
    }

    @Test func rotationRewrapsUnderTheNewestKeyAndOldTextsStillOpen() throws {
        let before = try cipher.seal("my part in it", for: field("body")).bytes
        let wrappedV1 = try ring.wrap(dataKey, owner: owner)

        let rotated = KeyRing(keys: [1: v1, 2: v2])
        #expect(rotated.newestVersion == 2)
        let wrappedV2 = try rotated.rewrap(wrappedV1, owner: owner)
        #expect(wrappedV2.keyVersion == 2 && wrappedV2.dataKeyVersion == 1 && wrappedV2.bytes != wrappedV1.bytes)

        // Once every key is re-wrapped, v1 can leave the key file.
        let retired = KeyRing(keys: [2: v2])
        let reopened = FieldCipher(dataKey: try retired.unwrap(wrappedV2, owner: owner))
        #expect(try reopened.open(SealedField(bytes: before), for: field("body")) == "my part in it")
        #expect(throws: EncryptionError.unknownKeyVersion(1)) { try retired.unwrap(wrappedV1, owner: owner) }
        #expect(throws: EncryptionError.authenticationFailed) {  // a v2-wrapped key relabelled as v1
            try rotated.unwrap(WrappedDataKey(dataKeyVersion: 1, keyVersion: 1, bytes: wrappedV2.bytes), owner: owner)
        }
    }
}
