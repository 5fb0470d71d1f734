/// The smallest scene: an owner's entry shared for comments with one sponsor.
struct Pair: Sendable {
    let api: CommentsAPI
    let owner: User
    let sponsor: User
    let sponsorshipId: String
    let entryId: String

    init(api: CommentsAPI) throws {
        self.api = api
        owner = try api.register("Sam")
        sponsor = try api.register("Robin")
        sponsorshipId = try api.sponsorship(sponsor: sponsor, sponsee: owner)
        entryId = try api.entry(of: owner)
        try api.share(entryId, through: sponsorshipId, access: "comment", by: owner)
    }
}
