/// A registered user as the tests drive them: their bearer token and id (as the API spells it).
struct User: Sendable {
    let token: String
    let id: String
}
