/// The body of `POST /v1/invites/accept`: the code as the person typed it.
struct AcceptInviteInput: Decodable, Sendable {
    let code: String
}
