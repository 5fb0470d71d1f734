/// A stored scrypt password hash in PHC string format:
/// `$scrypt$ln=17,r=8,p=1$<salt>$<key>`, salt and key in unpadded standard base64.
///
/// Parsing is strict: exactly these three parameters in this order, canonical decimal
/// numbers within `PasswordHasher`'s bounds, a 16-byte salt and a 32-byte key.
struct PasswordHash: Equatable {
    static let saltLength = 16
    static let keyLength = 32

    var cost: Int
    var r: Int
    var p: Int
    var salt: [UInt8]
    var key: [UInt8]

    init(cost: Int, r: Int, p: Int, salt: [UInt8], key: [UInt8]) {
        self.cost = cost
        self.r = r
        self.p = p
        self.salt = salt
        self.key = key
    }

    init(phc: String) throws(CryptoError) {
        let fields = phc.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty else {
            throw .invalidPasswordHash(reason: "not of the form $scrypt$ln=…,r=…,p=…$salt$hash")
        }
        guard fields[1] == "scrypt" else { throw .invalidPasswordHash(reason: "algorithm is not scrypt") }
        let parameters = fields[2].split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) }
        guard parameters.map({ $0.first ?? "" }) == ["ln", "r", "p"], parameters.allSatisfy({ $0.count == 2 }) else {
            throw .invalidPasswordHash(reason: "parameters are not exactly ln, r, p in that order")
        }
        cost = try Self.number(parameters[0][1], in: PasswordHasher.costRange, name: "ln")
        r = try Self.number(parameters[1][1], in: PasswordHasher.blockSizeRange, name: "r")
        p = try Self.number(parameters[2][1], in: PasswordHasher.parallelismRange, name: "p")
        salt = try Self.bytes(fields[3], count: Self.saltLength, name: "salt")
        key = try Self.bytes(fields[4], count: Self.keyLength, name: "hash")
    }

    /// The PHC string that `init(phc:)` reads back.
    var phc: String {
        "$scrypt$ln=\(cost),r=\(r),p=\(p)"
            + "$\(Base64.encode(salt, alphabet: .standard))$\(Base64.encode(key, alphabet: .standard))"
    }

    /// A canonical decimal (digits only, no leading zero) within `range`.
    private static func number(_ text: Substring, in range: ClosedRange<Int>, name: String) throws(CryptoError) -> Int {
        guard (1...6).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              text == "0" || !text.hasPrefix("0"), let value = Int(text), range.contains(value)
        else { throw .invalidPasswordHash(reason: "\(name) is not a number in \(range)") }
        return value
    }

    private static func bytes(_ text: Substring, count: Int, name: String) throws(CryptoError) -> [UInt8] {
        guard let bytes = Base64.decode(text, alphabet: .standard), bytes.count == count else {
            throw .invalidPasswordHash(reason: "\(name) is not \(count) bytes of unpadded base64")
        }
        return bytes
    }
}
