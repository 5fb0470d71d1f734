import Testing
@testable import Crypto

/// AES-256-GCM against NIST CAVP vectors (GCMVS, CAVS 14.0): `gcmEncryptExtIV256.rsp` for
/// sealing, `gcmDecrypt256.rsp` for opening, including its `FAIL` cases. Keylen 256, IVlen 96,
/// Taglen 128 only: the parameters this code base uses.
@Suite struct NISTAESGCMTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let key: String
        let nonce: String
        let associatedData: String
        let plaintext: String
        let ciphertext: String
        let tag: String
        var testDescription: String { name }
    }

    /// `gcmEncryptExtIV256.rsp`.
    static let encryptVectors = [
        Vector(name: "PTlen=0 AADlen=0 Count=0",
               key: "b52c505a37d78eda5dd34f20c22540ea1b58963cf8e5bf8ffa85f9f2492505b4", nonce: "516c33929df5a3284ff463d7",
               associatedData: "", plaintext: "", ciphertext: "", tag: "bdc1ac884d332457a1d2664f168c76f0"),
        Vector(name: "PTlen=128 AADlen=0 Count=0",
               key: "31bdadd96698c204aa9ce1448ea94ae1fb4a9a0b3c9d773b51bb1822666b8f22", nonce: "0d18e06c7c725ac9e362e1ce",
               associatedData: "", plaintext: "2db5168e932556f8089a0622981d017d",
               ciphertext: "fa4362189661d163fcd6a56d8bf0405a", tag: "d636ac1bbedd5cc3ee727dc2ab4a9489"),
        Vector(name: "PTlen=128 AADlen=128 Count=0",
               key: "92e11dcdaa866f5ce790fd24501f92509aacf4cb8b1339d50c9c1240935dd08b", nonce: "ac93a1a6145299bde902f21a",
               associatedData: "1e0889016f67601c8ebea4943bc23ad6", plaintext: "2d71bcfa914e4ac045b2aa60955fad24",
               ciphertext: "8995ae2e6df3dbf96fac7b7137bae67f", tag: "eca5aa77d51d4a0a14d9c51e1da474ab"),
        Vector(name: "PTlen=104 AADlen=160 Count=1",
               key: "97431e565e8370a4879de962746a2fd67eca868b1c8e51eece2c1f94f74af407", nonce: "17fb63066e2726d282ecc610",
               associatedData: "78e7374da7c77be5938de8dd76cf0308618306a9", plaintext: "e21629cc973fbe40176e621d9d",
               ciphertext: "80dbd469de480389ba6c2fca52", tag: "4e284abb8b4f9f13c7497ae56df05fa5"),
        Vector(name: "PTlen=408 AADlen=720 Count=2",
               key: "c277df045d0a1a3956958f271055c229d2634427b1d73e99d54920da69f72e01", nonce: "79e24f84bc77a21a6cb14ee2",
               associatedData: "ca09282238d492029afbd30ea9b4aa9d448d77b4b41a791c35ebe3f8e5034ac71210117a843fae647cea020712c27e"
                   + "5c8f85acf933d5e28430c7770862d8dbb197cbbcfe49dd63f6aa05fbd13e32c459342698dfee5935c7c321",
               plaintext: "5ca68d858cc30b1cb0514c4e9de98e1a1a835df401f69e9ec6f1bcb1158f09114dff551683b3827457f77e17a7097b"
                   + "1ea69eac",
               ciphertext: "5c5223c8eda59a8dc28b08e6c21482a46e5d84d32c7050bf144fc57f4e8094de133198da7b4b8398b167204aff837d"
                   + "a15d9ab2",
               tag: "378885950a4491bee3cd681d3c957b9a"),
    ]

    /// `gcmDecrypt256.rsp` cases it marks as valid.
    static let decryptVectors = [
        Vector(name: "PTlen=0 AADlen=128",
               key: "6dfdafd6703c285c01f14fd10a6012862b2af950d4733abb403b2e745b26945d", nonce: "3749d0b3d5bacb71be06ade6",
               associatedData: "c0d249871992e70302ae008193d1e89f", plaintext: "", ciphertext: "",
               tag: "4aa4cc69f84ee6ac16d9bfb4e05de500"),
        Vector(name: "PTlen=408 AADlen=160",
               key: "6450d4501b1e6cfbe172c4c8570363e96b496591b842661c28c2f6c908379cad", nonce: "7e4262035e0bf3d60e91668a",
               associatedData: "f1c522f026e4c5d43851da516a1b78768ab18171",
               plaintext: "17449e236ef5858f6d891412495ead4607bfae2a2d735182a2a0242f9d52fc5345ef912dbe16f3bb4576fe3bcafe336dee6085",
               ciphertext: "5a99b336fd3cfd82f10fb08f7045012415f0d9a06bb92dcf59c6f0dbe62d433671aacb8a1c52ce7bbf6aea372bf51e2ba79406",
               tag: "fe93b01636f7bb0458041f213e98de65"),
        Vector(name: "PTlen=104 AADlen=0",
               key: "a71dac1377a3bf5d7fb1b5e36bee70d2e01de2a84a1c1009ba7448f7f26131dc", nonce: "c5b60dda3f333b1146e9da7c",
               associatedData: "", plaintext: "5b87141335f2becac1a559e05f", ciphertext: "43af49ec1ae3738a20755034d6",
               tag: "6f80b6ef2d8830a55eb63680a8dff9e0"),
    ]

    /// `gcmDecrypt256.rsp` cases marked `FAIL`: their tags do not authenticate.
    static let failingVectors = [
        Vector(name: "FAIL PTlen=0 AADlen=128",
               key: "2c392a5eb1a9c705371beda3a901c7c61dca4d93b4291de1dd0dd15ec11ffc45", nonce: "0723fb84a08f4ea09841f32a",
               associatedData: "140be561b6171eab942c486a94d33d43", plaintext: "", ciphertext: "",
               tag: "aa0e1c9b57975bfc91aa137231977d2c"),
        Vector(name: "FAIL PTlen=408 AADlen=160",
               key: "e9d381a9c413bee66175d5586a189836e5c20f5583535ab4d3f3e612dc21700e", nonce: "23e81571da1c7821c681c7ca",
               associatedData: "6f39c9ae7b8e8a58a95f0dd8ea6a9087cbccdfd6", plaintext: "",
               ciphertext: "a25f3f580306cd5065d22a6b7e9660110af7204bb77d370f7f34bee547feeff7b32a596fce29c9040e68b1589aad48da881990",
               tag: "5b6dcd70eefb0892fab1539298b92a4b"),
        Vector(name: "FAIL PTlen=104 AADlen=0",
               key: "8b37c4b8cf634704920059866ad96c49e9da502c63fca4a3a7a4dcec74cb0610", nonce: "cb59344d2b06c4ae57cd0ea4",
               associatedData: "", plaintext: "", ciphertext: "66ab935c93555e786b775637a3",
               tag: "d8733acbb564d8afaa99d7ca2e2f92a9"),
    ]

    private static func bytes(_ hex: String) throws -> [UInt8] { try #require(Hex.decode(hex)) }

    private static func parts(_ vector: Vector) throws -> (SymmetricKey, SealedBox, [UInt8]) {
        let key = try #require(SymmetricKey(bytes: bytes(vector.key)))
        let box = try #require(SealedBox(nonce: bytes(vector.nonce), ciphertext: bytes(vector.ciphertext), tag: bytes(vector.tag)))
        return (key, box, try bytes(vector.associatedData))
    }

    @Test(arguments: encryptVectors) func sealingGivesTheKnownCiphertextAndTag(_ vector: Vector) throws {
        let (key, expected, associatedData) = try Self.parts(vector)
        let box = try AESGCM.seal(Self.bytes(vector.plaintext), using: key, nonce: expected.nonce, authenticating: associatedData)
        #expect(Hex.encode(box.ciphertext) == vector.ciphertext)
        #expect(Hex.encode(box.tag) == vector.tag)
    }

    @Test(arguments: encryptVectors + decryptVectors) func openingGivesTheKnownPlaintext(_ vector: Vector) throws {
        let (key, box, associatedData) = try Self.parts(vector)
        #expect(Hex.encode(try AESGCM.open(box, using: key, authenticating: associatedData)) == vector.plaintext)
    }

    @Test(arguments: failingVectors) func aTagThatDoesNotAuthenticateIsRefused(_ vector: Vector) throws {
        let (key, box, associatedData) = try Self.parts(vector)
        #expect(throws: CryptoError.authenticationFailed) { try AESGCM.open(box, using: key, authenticating: associatedData) }
    }
}
