/// Who a caller is to an entry: every role SECURITY.md's access matrix tells apart.
public enum AccessRole: String, CaseIterable, Sendable, CustomStringConvertible {
    case anonymous, owner, readSponsor, commentSponsor, unsharedSponsor, revokedSponsor, endedSponsor
    case otherSponsor, stranger

    public var description: String { rawValue }

    /// The owner's sponsors who are shared the entry for comments while `AccessWorld` is set up.
    public static let sharedSponsors: [AccessRole] = [.readSponsor, .commentSponsor, .revokedSponsor, .endedSponsor]
}

/// One entry of `owner` and a user in every `AccessRole`, set up through the API: the world
/// every access matrix (entries, comments, reviews, …) is checked in.
///
/// The owner's `sharedSponsors` are first all shared the entry for comments and the
/// `whileShared` step runs (a module writes its comments, asks its reviews); then
/// `readSponsor`'s share becomes read only, `revokedSponsor`'s is revoked and `endedSponsor`'s
/// sponsorship ends. `unsharedSponsor` sponsors the owner but was shared another entry only;
/// `otherSponsor` has a comment share of `otherEntryId`, an entry of another sponsee.
public struct AccessWorld: Sendable {
    public let api: TestAPI
    public let entryId: String
    public let users: [AccessRole: User]
    /// The sponsorship of each of the owner's sponsors, and `otherSponsor`'s with `otherSponsee`.
    public let sponsorships: [AccessRole: String]
    public let otherSponsee: User
    public let otherEntryId: String

    /// - Parameters:
    ///   - entry: makes an entry of a user (the owner's, and the other sponsee's); a journal entry by default.
    ///   - whileShared: runs while every shared sponsor may still comment.
    public init(
        api: TestAPI, entry: ((User) throws -> String)? = nil, whileShared: (AccessWorld) throws -> Void = { _ in }
    ) throws {
        func makeEntry(_ user: User) throws -> String {
            try entry?(user) ?? api.entry(of: user)
        }
        self.api = api
        var users: [AccessRole: User] = [:]
        for role in AccessRole.allCases where role != .anonymous {
            users[role] = try api.register(role.rawValue)
        }
        let owner = users[.owner]!
        entryId = try makeEntry(owner)
        var sponsorships: [AccessRole: String] = [:]
        for role in AccessRole.sharedSponsors + [.unsharedSponsor] {
            sponsorships[role] = try api.sponsorship(sponsor: users[role]!, sponsee: owner)
        }
        for role in AccessRole.sharedSponsors {
            try api.share(entryId, through: sponsorships[role]!, access: "comment", by: owner)
        }
        try api.share(try makeEntry(owner), through: sponsorships[.unsharedSponsor]!, access: "comment", by: owner)
        otherSponsee = try api.register("otherSponsee")
        sponsorships[.otherSponsor] = try api.sponsorship(sponsor: users[.otherSponsor]!, sponsee: otherSponsee)
        otherEntryId = try makeEntry(otherSponsee)
        try api.share(otherEntryId, through: sponsorships[.otherSponsor]!, access: "comment", by: otherSponsee)
        self.users = users
        self.sponsorships = sponsorships

        try whileShared(self)
        try api.share(entryId, through: sponsorships[.readSponsor]!, access: "read", by: owner)
        try api.revoke(entryId, through: sponsorships[.revokedSponsor]!, by: owner).expect(204)
        try api.end(sponsorships[.endedSponsor]!, by: users[.endedSponsor]!).expect(204)
    }

    public subscript(role: AccessRole) -> User? { users[role] }
    public var owner: User { users[.owner]! }
}
