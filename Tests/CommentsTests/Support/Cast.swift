import TestSupport

/// One entry and a user in every role the access rules tell apart (SECURITY.md's matrix),
/// set up through the API.
///
/// The owner shares the entry with `readSponsor` (read) and `commentSponsor`, `revokedSponsor`
/// and `endedSponsor` (comment); the last two each write a comment, then lose access: the
/// share is revoked, the sponsorship ended. `unsharedSponsor` sponsors the owner but has no
/// share of this entry; `otherSponsor` has a comment share on another sponsee's entry.
struct Cast: Sendable {
    enum Role: String, CaseIterable, Sendable, CustomStringConvertible {
        case anonymous, owner, readSponsor, commentSponsor, unsharedSponsor, revokedSponsor, endedSponsor
        case otherSponsor, stranger

        var description: String { rawValue }
    }

    let api: CommentsAPI
    let entryId: String
    let users: [Role: User]
    /// A comment written by the revoked and the ended sponsor while they still had access.
    let formerSponsorComments: [Role: String]

    init(api: CommentsAPI) throws {
        self.api = api
        var users: [Role: User] = [:]
        for role in Role.allCases where role != .anonymous {
            users[role] = try api.register(role.rawValue)
        }
        let owner = users[.owner]!
        entryId = try api.entry(of: owner)

        var sponsorships: [Role: String] = [:]
        for role in [Role.readSponsor, .commentSponsor, .unsharedSponsor, .revokedSponsor, .endedSponsor] {
            sponsorships[role] = try api.sponsorship(sponsor: users[role]!, sponsee: owner)
        }
        try api.share(entryId, through: sponsorships[.readSponsor]!, access: "read", by: owner)
        for role in [Role.commentSponsor, .revokedSponsor, .endedSponsor] {
            try api.share(entryId, through: sponsorships[role]!, access: "comment", by: owner)
        }
        // The unshared sponsor does see another of the owner's entries.
        let otherEntry = try api.entry(of: owner, title: "Step 4 inventory")
        try api.share(otherEntry, through: sponsorships[.unsharedSponsor]!, access: "comment", by: owner)

        let otherSponsee = try api.register("otherSponsee")
        let otherPair = try api.sponsorship(sponsor: users[.otherSponsor]!, sponsee: otherSponsee)
        try api.share(try api.entry(of: otherSponsee), through: otherPair, access: "comment", by: otherSponsee)

        var formerSponsorComments: [Role: String] = [:]
        for role in [Role.revokedSponsor, .endedSponsor] {
            formerSponsorComments[role] = try api.comment("Written while shared", on: entryId, as: users[role]!).id
        }
        try api.revoke(entryId, through: sponsorships[.revokedSponsor]!, by: owner).expect(204)
        try api.end(sponsorships[.endedSponsor]!, by: users[.endedSponsor]!).expect(204)

        self.users = users
        self.formerSponsorComments = formerSponsorComments
    }

    subscript(role: Role) -> User? { users[role] }
    var owner: User { users[.owner]! }
}
