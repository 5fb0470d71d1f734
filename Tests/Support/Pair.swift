/// The smallest scene: an owner's entry shared for comments with one sponsor.
public struct Pair: Sendable {
    public let api: TestAPI
    public let owner: User
    public let sponsor: User
    public let sponsorshipId: String
    public let entryId: String

    /// A journal entry unless `entry` gives another entry's JSON.
    public init(api: TestAPI, entry: String? = nil) throws {
        self.api = api
        owner = try api.register("Sam")
        sponsor = try api.register("Robin")
        sponsorshipId = try api.sponsorship(sponsor: sponsor, sponsee: owner)
        let owner = owner
        entryId = try entry.map { try api.entry(of: owner, $0) } ?? api.entry(of: owner)
        try api.share(entryId, through: sponsorshipId, access: "comment", by: owner)
    }
}
