/// The body of `POST /v1/invites`: the role the inviter will have.
struct InviteInput: Decodable, Sendable {
    let role: InviteRole
}
