import TestSupport

/// The shared `AccessWorld` for the review matrix, on an amend: each of the owner's shared
/// sponsors is asked for a review while they may comment, and `otherSponsor` by their sponsee.
struct ReviewCast: Sendable {
    typealias Role = AccessRole

    let world: AccessWorld
    /// The review asked of each of `AccessRole.sharedSponsors`, and of `otherSponsor`.
    let reviews: [Role: String]

    init(api: TestAPI) throws {
        var reviews: [Role: String] = [:]
        world = try AccessWorld(api: api, entry: { try api.amend(of: $0) }, whileShared: { world in
            for role in AccessRole.sharedSponsors {
                reviews[role] = try api.review(of: world.entryId, through: world.sponsorships[role]!, by: world.owner).id
            }
            reviews[.otherSponsor] = try api.review(
                of: world.otherEntryId, through: world.sponsorships[.otherSponsor]!, by: world.otherSponsee).id
        })
        self.reviews = reviews
    }

    var api: TestAPI { world.api }
    var entryId: String { world.entryId }
    var sponsorships: [Role: String] { world.sponsorships }
    subscript(role: Role) -> User? { world[role] }
    var owner: User { world.owner }
}
