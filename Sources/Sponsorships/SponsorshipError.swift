/// The refusals of the invite and sponsorship rules.
enum SponsorshipError: Error {
    /// Unknown, used and expired codes: one answer for all three.
    case inviteNotFound
    case selfInvite
    case alreadySponsoring
    /// Not a sponsorship the caller is a party to (or none at all): `404`.
    case sponsorshipNotFound
}
