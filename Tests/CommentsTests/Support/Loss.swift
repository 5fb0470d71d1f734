import TestSupport

/// The two ways a sponsor loses access to an entry.
enum Loss: String, CaseIterable, Sendable, CustomStringConvertible {
    /// The owner revokes the share.
    case revoke
    /// The owner ends the sponsorship.
    case end

    var description: String { rawValue }

    /// Takes `pair.sponsor`'s access away; the answer (`204` when it worked).
    func apply(to pair: Pair) throws -> TestHTTPResponse {
        switch self {
        case .revoke: try pair.api.revoke(pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        case .end: try pair.api.end(pair.sponsorshipId, by: pair.owner)
        }
    }
}
