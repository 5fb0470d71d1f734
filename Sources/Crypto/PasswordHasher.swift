/// Hashes and verifies passwords with scrypt, stored as PHC strings
/// (`$scrypt$ln=17,r=8,p=1$<salt>$<hash>`).
///
/// Each call runs one scrypt derivation: about 128·r·2^cost bytes of memory (128 MiB at the
/// default) and a noticeable fraction of a second of one core. It blocks: call it from a
/// bounded hashing executor, never from an event loop or Swift's cooperative pool.
public struct PasswordHasher: Sendable {
    /// Accepted scrypt costs (log2 N), in configuration and in stored hashes.
    public static let costRange = 10...20
    /// Accepted block sizes r.
    public static let blockSizeRange = 1...16
    /// Accepted parallelism p.
    public static let parallelismRange = 1...16

    /// log2 of scrypt's N for new hashes.
    public let cost: Int
    /// scrypt's block size r for new hashes.
    public let r: Int
    /// scrypt's parallelism p for new hashes.
    public let p: Int

    /// A hasher for new hashes at N = 2^cost; OWASP's recommendation is the default.
    /// Parameters outside the accepted ranges are a programming error.
    public init(cost log2N: Int = 17, r: Int = 8, p: Int = 1) {
        precondition(Self.costRange.contains(log2N), "scrypt cost \(log2N) outside \(Self.costRange)")
        precondition(Self.blockSizeRange.contains(r), "scrypt r \(r) outside \(Self.blockSizeRange)")
        precondition(Self.parallelismRange.contains(p), "scrypt p \(p) outside \(Self.parallelismRange)")
        self.cost = log2N
        self.r = r
        self.p = p
    }

    /// A PHC string for `password` (its UTF-8 bytes, exactly as given) with a fresh 16-byte salt.
    public func hash(_ password: String) throws(CryptoError) -> String {
        let salt = try SecureRandom.bytes(count: PasswordHash.saltLength)
        let key = try Self.derive(password, salt: salt, cost: cost, r: r, p: p, length: PasswordHash.keyLength)
        return PasswordHash(cost: cost, r: r, p: p, salt: salt, key: key).phc
    }

    /// Whether `password` matches the stored PHC string, using the stored parameters.
    ///
    /// Throws for a malformed stored hash or a failed derivation: neither is ever a match.
    public func verify(_ password: String, against phc: String) throws(CryptoError) -> Bool {
        let stored = try PasswordHash(phc: phc)
        let key = try Self.derive(password, salt: stored.salt, cost: stored.cost, r: stored.r, p: stored.p,
                                  length: stored.key.count)
        return constantTimeEquals(key, stored.key)
    }

    /// Whether a stored hash is weaker than this hasher's parameters (or unreadable) and should
    /// be replaced after the next successful login.
    public func needsRehash(_ phc: String) -> Bool {
        guard let stored = try? PasswordHash(phc: phc) else { return true }
        return stored.cost < cost || stored.r < r || stored.p < p
    }

    private static func derive(
        _ password: String, salt: [UInt8], cost: Int, r: Int, p: Int, length: Int
    ) throws(CryptoError) -> [UInt8] {
        try Scrypt.deriveKey(
            password: Array(password.utf8), salt: salt, n: 1 << UInt64(cost), r: UInt64(r), p: UInt64(p),
            length: length)
    }
}
