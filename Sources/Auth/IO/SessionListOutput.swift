/// The answer to `GET /v1/me/sessions`.
struct SessionListOutput: Encodable, Sendable {
    let items: [SessionOutput]
}
