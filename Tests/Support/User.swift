/// A registered user as the tests drive them: their bearer token and id (as the API spells it).
public struct User: Sendable {
    public let token: String
    public let id: String

    public init(token: String, id: String) {
        self.token = token
        self.id = id
    }
}
