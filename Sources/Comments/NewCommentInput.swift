/// The body of `POST /v1/entries/{id}/comments`.
struct NewCommentInput: Decodable, Sendable {
    let body: String
    /// The comment this one answers. Kept as text: an id that does not parse is answered like
    /// one that does not exist (`422 invalid_parent`).
    let parentId: String?
}
