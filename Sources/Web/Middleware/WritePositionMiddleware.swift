import HTTPServer

/// Records the caller's last write position (see `ReplicaReads`) after every authenticated
/// request that may write (any method but `GET` and `HEAD`), whatever its outcome: a position
/// later than needed only sends a read to the primary. When the position cannot be stored the
/// answer is the database's error, so a client never holds an acknowledgement for a write a
/// replica read could miss (it retries, with its `Idempotency-Key`).
struct WritePositionMiddleware: Middleware {
    let replica: ReplicaReads

    func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        guard request.method != .get, request.method != .head else { return try next(request, context) }
        let response: HTTPResponse
        do {
            response = try next(request, context)
        } catch {
            if let caller = context.authenticatedCaller {
                try? replica.recordWrite(of: caller.userId, on: context.database)
            }
            throw error
        }
        if let caller = context.authenticatedCaller {
            try replica.recordWrite(of: caller.userId, on: context.database)
        }
        return response
    }
}
