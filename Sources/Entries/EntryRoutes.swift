import Encryption
import Foundation
import HTTPServer
import Permissions
import Postgres
import Web

/// `/v1/entries` (create, list, read, update, delete), `GET /v1/shared` and `GET /v1/amends/summary`.
public struct EntryRoutes: Sendable {
    private let service: EntryService

    public init(policy: EntryAccessPolicy, keys: DataKeys) {
        self.service = EntryService(policy: policy, store: EntryStore(keys: keys))
    }

    public func register(on routes: RouterGroup) {
        routes.post("/entries", idempotent: true) { request, context in
            let entry = try service.create(
                try request.decode(NewEntryInput.self), by: try context.caller.userId, on: context.database)
            var response = try Self.answer(entry, status: .created)
            response.headers.set("Location", "/v1/entries/\(entry.id.uuidString)")
            return response
        }
        // The caller's own entries only: ownership decides, no share, so the replica may answer.
        routes.get("/entries") { request, context in
            let userId = try context.caller.userId
            let filter = try EntryFilter(query: request.query)
            let paging = try PageRequest<EntryPosition>(query: request.query)
            let page = try context.readingOwnRows { database in
                try service.list(of: userId, filter: filter, page: paging, on: database)
            }
            return try .json(page)
        }
        routes.get("/entries/{id}") { request, context in
            try Self.answer(try service.entry(
                try request.parameters.uuid("id"), for: try context.caller.userId, on: context.database))
        }
        routes.patch("/entries/{id}") { request, context in
            let id = try request.parameters.uuid("id")
            let patch = try request.decode(EntryPatchInput.self)
            return try Self.answer(try service.update(
                id, with: patch, ifMatch: request.headers["If-Match"], by: try context.caller.userId,
                on: context.database))
        }
        routes.delete("/entries/{id}") { request, context in
            try service.delete(try request.parameters.uuid("id"), by: try context.caller.userId, on: context.database)
            return .noContent
        }
        routes.get("/shared") { request, context in
            let page = try service.shared(
                with: try context.caller.userId, sponseeId: try Self.sponseeId(in: request.query),
                page: try PageRequest<EntryPosition>(query: request.query), on: context.database)
            return try .json(page)
        }
        routes.get("/amends/summary") { _, context in
            try .json(try service.amendSummary(of: try context.caller.userId, on: context.database))
        }
    }

    /// The entry with its version as `ETag`.
    private static func answer(_ entry: Entry, status: HTTPStatus = .ok) throws -> HTTPResponse {
        try .json(entry, status: status, headers: ["ETag": EntryVersionTag.header(for: entry.version)])
    }

    private static func sponseeId(in query: QueryParameters) throws(HTTPError) -> UUID? {
        guard let text = query["sponseeId"] else { return nil }
        guard let id = UUID(uuidString: text) else { throw .invalidQuery(detail: "sponseeId must be a user id.") }
        return id
    }
}
