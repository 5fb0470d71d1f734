import TestSupport

/// The shared `AccessWorld` for the comment matrix: the revoked and the ended sponsor each
/// write a comment while they still have access.
struct Cast: Sendable {
    typealias Role = AccessRole

    let world: AccessWorld
    /// A comment written by the revoked and the ended sponsor while they still had access.
    let formerSponsorComments: [Role: String]

    init(api: CommentsAPI) throws {
        var comments: [Role: String] = [:]
        world = try AccessWorld(api: api, whileShared: { world in
            for role in [Role.revokedSponsor, .endedSponsor] {
                comments[role] = try api.comment("Written while shared", on: world.entryId, as: world[role]!).id
            }
        })
        formerSponsorComments = comments
    }

    var api: CommentsAPI { world.api }
    var entryId: String { world.entryId }
    subscript(role: Role) -> User? { world[role] }
    var owner: User { world.owner }
}
