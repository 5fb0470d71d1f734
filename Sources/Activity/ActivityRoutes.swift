import HTTPServer
import Postgres
import Web

/// The activity endpoints of API.md 1.1:
///
/// - `GET /v1/activity?limit=&cursor=` — `200 {"items","nextCursor","unread"}`, newest first;
/// - `POST /v1/activity/seen` `{"upTo"}` — `204`; `unread` then counts only newer items.
///
/// Both are authenticated (`401` first).
public struct ActivityRoutes: Sendable {
    private let service: ActivityService

    /// `visibleSubject` is the entry visibility rule as SQL (`EntryAccessPolicy.visibleSubject`).
    public init(visibleSubject: PostgresFragment) {
        self.service = ActivityService(store: ActivityStore(visibleSubject: visibleSubject))
    }

    public func register(on routes: RouterGroup) {
        routes.get("/activity", feed)
        routes.post("/activity/seen", seen)
    }

    @Sendable private func feed(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let paging = try PageRequest<ActivityPosition>(query: request.query)
        return try .json(service.feed(of: caller.userId, paging: paging, on: context.database))
    }

    @Sendable private func seen(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let input = try request.decode(SeenInput.self)
        try service.markSeen(upTo: input.upTo, by: caller.userId, on: context.database)
        return .noContent
    }
}
