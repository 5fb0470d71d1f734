import Web

extension SponsorshipError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .inviteNotFound:
            .notFound(code: "invite_not_found", detail: "No usable invite has this code.")
        case .selfInvite:
            .unprocessable(code: "self_invite", detail: "An invite cannot be accepted by the person who made it.")
        case .alreadySponsoring:
            .conflict(code: "already_sponsoring", detail: "This sponsorship already exists and is active.")
        case .sponsorshipNotFound:
            .notFound()
        }
    }
}
