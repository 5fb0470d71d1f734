import Encryption
import Foundation
import HTTPServer
import Logging
import Permissions
import Postgres
import Web

/// The comment endpoints of API.md, plus `GET /v1/comments/{id}` (where `Location` points):
///
/// - `GET /v1/entries/{id}/comments?limit=&cursor=` — the thread, oldest first;
/// - `POST /v1/entries/{id}/comments` `{"body","parentId"?}` — `201 Comment` with `Location`;
/// - `GET /v1/comments/{id}` — one comment;
/// - `PATCH /v1/comments/{id}` `{"body"}` — `200 Comment`, by its author;
/// - `DELETE /v1/comments/{id}` — `204`, by its author or the entry's owner; leaves a tombstone.
///
/// Every endpoint is authenticated (`401` first); ids that do not parse answer `404`.
public struct CommentRoutes: Sendable {
    private let service: CommentService

    public init(policy: EntryAccessPolicy, keys: DataKeys, logger: Logger) {
        self.service = CommentService(policy: policy, logger: logger, store: CommentStore(keys: keys))
    }

    public func register(on routes: RouterGroup) {
        routes.get("/entries/{id}/comments", thread)
        routes.post("/entries/{id}/comments", idempotent: true, post)
        routes.get("/comments/{id}", show)
        routes.patch("/comments/{id}", edit)
        routes.delete("/comments/{id}", delete)
    }

    @Sendable private func thread(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let entryId = try request.parameters.uuid("id")
        let paging = try PageRequest<CommentPosition>(query: request.query)
        return try .json(service.thread(of: entryId, paging: paging, for: caller.userId, on: context.database))
    }

    @Sendable private func post(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let entryId = try request.parameters.uuid("id")
        let input = try request.decode(NewCommentInput.self)
        let body = try CommentBody(validating: input.body)
        let comment = try service.post(body, replyingTo: input.parentId, on: entryId, by: caller.userId, on: context.database)
        return try .json(comment, status: .created, headers: ["Location": "/v1/comments/\(comment.id.uuidString)"])
    }

    @Sendable private func show(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        return try .json(service.comment(try request.parameters.uuid("id"), for: caller.userId, on: context.database))
    }

    @Sendable private func edit(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let id = try request.parameters.uuid("id")
        let body = try CommentBody(validating: try request.decode(CommentEditInput.self).body)
        return try .json(service.edit(id, body: body, by: caller.userId, on: context.database))
    }

    @Sendable private func delete(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        try service.delete(try request.parameters.uuid("id"), by: caller.userId, on: context.database)
        return .noContent
    }
}
