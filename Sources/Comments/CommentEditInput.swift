/// The body of `PATCH /v1/comments/{id}`.
struct CommentEditInput: Decodable, Sendable {
    let body: String
}
