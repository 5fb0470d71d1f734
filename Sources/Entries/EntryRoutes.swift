import Auth
import Foundation
import HTTPServer
import Permissions
import Postgres
import Web

/// `/v1/entries` (create, list, read, update, delete), `GET /v1/shared` and `GET /v1/amends/summary`.
public struct EntryRoutes: Sendable {
    private let authenticator: Authenticator
    private let service: EntryService

    public init(pool: PostgresPool, policy: EntryAccessPolicy, authenticator: Authenticator) {
        self.authenticator = authenticator
        self.service = EntryService(pool: pool, policy: policy)
    }

    public func register(on router: Router) {
        router.post("/v1/entries") { request in
            let caller = try authenticator.authenticate(request)
            let entry = try service.create(try request.decode(NewEntryInput.self), by: caller.userId)
            var response = try Self.answer(entry, status: .created)
            response.headers.set("Location", "/v1/entries/\(entry.id.uuidString)")
            return response
        }
        router.get("/v1/entries") { request in
            let caller = try authenticator.authenticate(request)
            let page = try service.list(
                of: caller.userId, filter: try EntryFilter(query: request.query),
                page: try PageRequest<EntryPosition>(query: request.query))
            return try .json(page)
        }
        router.get("/v1/entries/{id}") { request in
            let caller = try authenticator.authenticate(request)
            return try Self.answer(try service.entry(try request.parameters.uuid("id"), for: caller.userId))
        }
        router.patch("/v1/entries/{id}") { request in
            let caller = try authenticator.authenticate(request)
            let id = try request.parameters.uuid("id")
            let patch = try request.decode(EntryPatchInput.self)
            return try Self.answer(
                try service.update(id, with: patch, ifMatch: request.headers["If-Match"], by: caller.userId))
        }
        router.delete("/v1/entries/{id}") { request in
            let caller = try authenticator.authenticate(request)
            try service.delete(try request.parameters.uuid("id"), by: caller.userId)
            return .noContent
        }
        router.get("/v1/shared") { request in
            let caller = try authenticator.authenticate(request)
            let page = try service.shared(
                with: caller.userId, sponseeId: try Self.sponseeId(in: request.query),
                page: try PageRequest<EntryPosition>(query: request.query))
            return try .json(page)
        }
        router.get("/v1/amends/summary") { request in
            let caller = try authenticator.authenticate(request)
            return try .json(try service.amendSummary(of: caller.userId))
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
