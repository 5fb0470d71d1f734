import Foundation

/// The app's API as end-to-end tests use it: raw requests, and the steps that set up a scene
/// (users, sponsorships, entries, shares) the way a client would. Each target adds the calls
/// of its own module in an extension.
public struct TestAPI: Sendable {
    public let app: TestApp

    public init(app: TestApp) {
        self.app = app
    }

    /// One request on a connection of its own, so any thread may call it. A JSON body goes
    /// as `application/json` unless `headers` name another `Content-Type`.
    public func send(
        _ method: String, _ path: String, as user: User?, json: String? = nil, headers: [(String, String)] = []
    ) throws -> TestHTTPResponse {
        var headers = headers
        if json != nil && !headers.contains(where: { $0.0.lowercased() == "content-type" }) {
            headers.append(("Content-Type", "application/json"))
        }
        return try app.client().request(
            method, path, headers: headers, body: json.map { Array($0.utf8) }, token: user?.token)
    }

    /// `value` as JSON text, strings escaped as a client would.
    public static func json(_ value: [String: Any?]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: value.mapValues { $0 ?? NSNull() })
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Setting the scene

    public func register(_ name: String) throws -> User {
        let email = "\(name.lowercased())-\(UUID().uuidString.prefix(8))@example.org"
        let account = try app.register(email: email, password: "correct horse battery", displayName: name)
        return User(token: account.token, id: account.userId.uuidString)
    }

    /// A new active sponsorship, by invite and acceptance; its id.
    public func sponsorship(sponsor: User, sponsee: User) throws -> String {
        let invite = try send("POST", "/v1/invites", as: sponsee, json: #"{"role":"sponsee"}"#).expect(201)
        let code = try invite.decode(Code.self).code
        let accepted = try send("POST", "/v1/invites/accept", as: sponsor, json: Self.json(["code": code])).expect(201)
        return try accepted.decode(Identified.self).id
    }

    /// A new journal entry of `owner`; its id.
    public func entry(of owner: User, title: String = "Amends to make") throws -> String {
        try entry(of: owner, Self.json(["kind": "journal", "title": title, "body": "private text"]))
    }

    /// A new entry of `owner` from its JSON; its id.
    public func entry(of owner: User, _ json: String) throws -> String {
        try send("POST", "/v1/entries", as: owner, json: json).expect(201).decode(Identified.self).id
    }

    /// Edits the entry's title, raising its version from `version`.
    public func touch(_ entryId: String, at version: Int, by owner: User) throws {
        try send(
            "PATCH", "/v1/entries/\(entryId)", as: owner, json: #"{"title":"Amends, revised"}"#,
            headers: [("If-Match", "\"\(version)\"")]
        ).expect(200)
    }

    public func share(_ entryId: String, through sponsorshipId: String, access: String, by owner: User) throws {
        try send(
            "PUT", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner, json: Self.json(["access": access])
        ).expect(200)
    }

    public func revoke(_ entryId: String, through sponsorshipId: String, by owner: User) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner)
    }

    public func end(_ sponsorshipId: String, by user: User) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/sponsorships/\(sponsorshipId)", as: user)
    }

    private struct Code: Decodable { let code: String }
    private struct Identified: Decodable { let id: String }
}
