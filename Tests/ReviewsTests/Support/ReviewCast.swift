import TestSupport

/// One amend and a user in every role the access rules tell apart (SECURITY.md's matrix),
/// each sponsor of the owner with a review of their own, set up through the API.
///
/// The owner shares the amend for comments with `readSponsor`, `commentSponsor`,
/// `revokedSponsor` and `endedSponsor` and asks each for a review; then `readSponsor`'s share
/// becomes read only, `revokedSponsor`'s share is revoked and `endedSponsor`'s sponsorship
/// ends. `unsharedSponsor` sponsors the owner but was shared another entry only;
/// `otherSponsor` reviews an amend of another sponsee.
struct ReviewCast: Sendable {
    enum Role: String, CaseIterable, Sendable, CustomStringConvertible {
        case anonymous, owner, readSponsor, commentSponsor, unsharedSponsor, revokedSponsor, endedSponsor
        case otherSponsor, stranger

        var description: String { rawValue }

        /// The sponsors of the owner who were asked for a review.
        static let reviewers: [Role] = [.readSponsor, .commentSponsor, .revokedSponsor, .endedSponsor]
    }

    let api: TestAPI
    let entryId: String
    let users: [Role: User]
    let sponsorships: [Role: String]
    /// The review asked of each of `Role.reviewers`, and of `otherSponsor` by their sponsee.
    let reviews: [Role: String]

    init(api: TestAPI) throws {
        self.api = api
        var users: [Role: User] = [:]
        for role in Role.allCases where role != .anonymous {
            users[role] = try api.register(role.rawValue)
        }
        let owner = users[.owner]!
        entryId = try api.amend(of: owner)

        var sponsorships: [Role: String] = [:]
        var reviews: [Role: String] = [:]
        for role in Role.reviewers + [.unsharedSponsor] {
            sponsorships[role] = try api.sponsorship(sponsor: users[role]!, sponsee: owner)
        }
        for role in Role.reviewers {
            try api.share(entryId, through: sponsorships[role]!, access: "comment", by: owner)
            reviews[role] = try api.review(of: entryId, through: sponsorships[role]!, by: owner).id
        }
        let otherEntry = try api.amend(of: owner, person: "Maria")
        try api.share(otherEntry, through: sponsorships[.unsharedSponsor]!, access: "comment", by: owner)

        let otherSponsee = try api.register("otherSponsee")
        let otherPair = try api.sponsorship(sponsor: users[.otherSponsor]!, sponsee: otherSponsee)
        let theirAmend = try api.amend(of: otherSponsee)
        try api.share(theirAmend, through: otherPair, access: "comment", by: otherSponsee)
        reviews[.otherSponsor] = try api.review(of: theirAmend, through: otherPair, by: otherSponsee).id

        try api.share(entryId, through: sponsorships[.readSponsor]!, access: "read", by: owner)
        try api.revoke(entryId, through: sponsorships[.revokedSponsor]!, by: owner).expect(204)
        try api.end(sponsorships[.endedSponsor]!, by: users[.endedSponsor]!).expect(204)

        self.users = users
        self.sponsorships = sponsorships
        self.reviews = reviews
    }

    subscript(role: Role) -> User? { users[role] }
    var owner: User { users[.owner]! }
}
