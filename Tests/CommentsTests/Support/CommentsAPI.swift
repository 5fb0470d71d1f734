import Foundation
import TestSupport

/// The app's API as the comment tests use it: raw requests, and the steps that set up a
/// scene (users, sponsorships, entries, shares) the way a client would.
struct CommentsAPI: Sendable {
    let app: TestApp

    /// One request on a connection of its own, so any thread may call it. A JSON body goes
    /// as `application/json` unless `headers` name another `Content-Type`.
    func send(
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
    static func json(_ value: [String: Any?]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: value.mapValues { $0 ?? NSNull() })
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: Setting the scene

    func register(_ name: String) throws -> User {
        let email = "\(name.lowercased())-\(UUID().uuidString.prefix(8))@example.org"
        let account = try app.register(email: email, password: "correct horse battery", displayName: name)
        return User(token: account.token, id: account.userId.uuidString)
    }

    /// A new active sponsorship, by invite and acceptance; its id.
    func sponsorship(sponsor: User, sponsee: User) throws -> String {
        let invite = try send("POST", "/v1/invites", as: sponsee, json: #"{"role":"sponsee"}"#).expect(201)
        let code = try invite.decode(Code.self).code
        let accepted = try send("POST", "/v1/invites/accept", as: sponsor, json: Self.json(["code": code])).expect(201)
        return try accepted.decode(Identified.self).id
    }

    /// A new journal entry of `owner`; its id.
    func entry(of owner: User, title: String = "Amends to make") throws -> String {
        let body = Self.json(["kind": "journal", "title": title, "body": "private text"])
        return try send("POST", "/v1/entries", as: owner, json: body).expect(201).decode(Identified.self).id
    }

    /// Edits the entry's title, raising its version from `version`.
    func touch(_ entryId: String, at version: Int, by owner: User) throws {
        try send(
            "PATCH", "/v1/entries/\(entryId)", as: owner, json: #"{"title":"Amends, revised"}"#,
            headers: [("If-Match", "\"\(version)\"")]
        ).expect(200)
    }

    func share(_ entryId: String, through sponsorshipId: String, access: String, by owner: User) throws {
        try send(
            "PUT", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner, json: Self.json(["access": access])
        ).expect(200)
    }

    func revoke(_ entryId: String, through sponsorshipId: String, by owner: User) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/entries/\(entryId)/shares/\(sponsorshipId)", as: owner)
    }

    func end(_ sponsorshipId: String, by user: User) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/sponsorships/\(sponsorshipId)", as: user)
    }

    // MARK: Comments

    func post(_ body: String, on entryId: String, replyingTo parentId: String? = nil, as user: User?) throws -> TestHTTPResponse {
        var fields: [String: Any?] = ["body": body]
        if let parentId { fields["parentId"] = parentId }
        return try send("POST", "/v1/entries/\(entryId)/comments", as: user, json: Self.json(fields))
    }

    /// Posts and expects `201`; the comment.
    func comment(_ body: String, on entryId: String, replyingTo parentId: String? = nil, as user: User) throws
        -> CommentJSON
    {
        try post(body, on: entryId, replyingTo: parentId, as: user).expect(201).decode(CommentJSON.self)
    }

    func thread(of entryId: String, as user: User?, query: String = "") throws -> TestHTTPResponse {
        try send("GET", "/v1/entries/\(entryId)/comments" + (query.isEmpty ? "" : "?" + query), as: user)
    }

    /// Every comment of the thread, page by page.
    func wholeThread(of entryId: String, as user: User, pageSize: Int = 100) throws -> [CommentJSON] {
        var comments: [CommentJSON] = []
        var cursor: String?
        repeat {
            let query = "limit=\(pageSize)" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try thread(of: entryId, as: user, query: query).expect(200).decode(ThreadPageJSON.self)
            comments += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return comments
    }

    func show(_ commentId: String, as user: User?) throws -> TestHTTPResponse {
        try send("GET", "/v1/comments/\(commentId)", as: user)
    }

    func edit(_ commentId: String, body: String, as user: User?) throws -> TestHTTPResponse {
        try send("PATCH", "/v1/comments/\(commentId)", as: user, json: Self.json(["body": body]))
    }

    func delete(_ commentId: String, as user: User?) throws -> TestHTTPResponse {
        try send("DELETE", "/v1/comments/\(commentId)", as: user)
    }

    private struct Code: Decodable { let code: String }
    private struct Identified: Decodable { let id: String }
}
