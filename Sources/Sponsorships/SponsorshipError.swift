import Web

/// The refusals of the invite and sponsorship rules.
enum SponsorshipError: Error, HTTPErrorConvertible {
    /// Unknown, used and expired codes: one answer for all three.
    case inviteNotFound
    case selfInvite
    case alreadySponsoring

    var httpError: HTTPError {
        switch self {
        case .inviteNotFound:
            .notFound(code: "invite_not_found", detail: "No usable invite has this code.")
        case .selfInvite:
            .unprocessable(code: "self_invite", detail: "An invite cannot be accepted by the person who made it.")
        case .alreadySponsoring:
            .conflict(code: "already_sponsoring", detail: "This sponsorship already exists and is active.")
        }
    }
}
