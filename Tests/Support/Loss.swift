/// The two ways a sponsor loses access to an entry.
public enum Loss: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The owner revokes the share.
    case revoke
    /// The owner ends the sponsorship.
    case end

    public var description: String { rawValue }

    /// Takes `pair.sponsor`'s access away; the answer (`204` when it worked).
    public func apply(to pair: Pair) throws -> TestHTTPResponse {
        switch self {
        case .revoke: try pair.api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        case .end: try pair.api.end(pair.sponsorshipId, by: pair.owner)
        }
    }
}
