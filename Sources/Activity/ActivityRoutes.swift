import HTTPServer
import Postgres
import Web

/// The activity endpoints of API.md 1.1:
///
/// - `GET /v1/activity?limit=&cursor=` — `200 {"items","nextCursor","unread"}`, newest first;
/// - `POST /v1/activity/seen` `{"upTo"}` — `204`; `unread` then counts only newer items;
/// - `GET /v1/events` — `200 text/event-stream`: the caller's new items as Server-Sent Events
///   (see `LiveEvents`), `Last-Event-ID` replaying what they missed.
///
/// All are authenticated (`401` first).
public struct ActivityRoutes: Sendable {
    private let service: ActivityService
    private let live: LiveEvents

    /// `visibleSubject` is the entry visibility rule as SQL (`EntryAccessPolicy.visibleSubject`).
    public init(visibleSubject: PostgresFragment, live: LiveEvents) {
        self.service = ActivityService(store: ActivityStore(visibleSubject: visibleSubject))
        self.live = live
    }

    public func register(on routes: RouterGroup) {
        routes.get("/activity", feed)
        routes.post("/activity/seen", seen)
        routes.get("/events", events)
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

    @Sendable private func events(_ request: Request, _ context: RequestContext) throws -> HTTPResponse {
        let caller = try context.caller
        let stream = try live.open(for: caller, lastEventId: request.headers["last-event-id"], on: context.database)
        return HTTPResponse(
            status: .ok, headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-store"], stream: stream)
    }
}
