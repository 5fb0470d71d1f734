/// A comment as a client reads it from the API.
struct CommentJSON: Decodable, Equatable, Sendable {
    struct Author: Decodable, Equatable, Sendable {
        let id: String
        let displayName: String
    }

    let id: String
    let entryId: String
    let entryVersion: Int
    let parentId: String?
    let author: Author
    let body: String
    let createdAt: String
    let editedAt: String?
    let deleted: Bool
}
