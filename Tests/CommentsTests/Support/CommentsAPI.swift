import Foundation
import TestSupport

/// The app's API as the comment tests use it.
typealias CommentsAPI = TestAPI

extension TestAPI {
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
}
