import Crypto
import Foundation
import HTTPServer
import Postgres

/// Safe retries (API.md 1.1) on a route declared `idempotent`: a request with an
/// `Idempotency-Key` runs in one transaction with the storing of its answer, so a write and
/// its stored answer commit together or not at all.
///
/// A repeat by the same user within 24 hours gets the stored answer (status, body,
/// `Content-Type`, `Location`, `ETag`) and writes nothing; the same key with another request
/// (method, path or JSON body differ) is `422 idempotency_key_reused`; while the first is
/// still running, `409 idempotency_key_in_use` at once. Error answers are not stored: their
/// transaction rolls back, so the key can be sent again. The handlers' own transactions nest
/// as savepoints. Runs after authentication (keys are per user); without the header it only
/// passes the request on.
struct IdempotencyMiddleware: Middleware {
    private let store = IdempotencyStore()

    /// An answer that is not stored: thrown to roll the transaction back, then returned.
    private struct Unstored: Error {
        let response: HTTPResponse
    }

    func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        let values = request.headers.values(for: IdempotencyKey.header)
        guard !values.isEmpty else { return try next(request, context) }
        let key = try IdempotencyKey(headerValues: values)
        let userId = try context.caller.userId
        let requestHash = Self.hash(of: request)
        do {
            return try context.database.withTransaction { connection in
                guard try store.lock(key, of: userId, on: connection) else { throw HTTPError.idempotencyKeyInUse() }
                if let stored = try store.find(key, of: userId, on: connection) {
                    guard stored.requestHash == requestHash else { throw HTTPError.idempotencyKeyReused() }
                    context.logger.info("idempotent_replay", [
                        "user_id": userId.uuidString, "route": request.route?.template ?? "-",
                        "status": String(stored.answer.status.code),
                    ])
                    return stored.answer.response
                }
                let response = try next(request, context)
                guard response.status.code < 400 else { throw Unstored(response: response) }
                try store.save(StoredAnswer(response), for: key, of: userId, requestHash: requestHash, on: connection)
                return response
            }
        } catch let unstored as Unstored {
            return unstored.response
        }
    }

    /// SHA-256 of method, path and body: what makes a repeat "the same request". A JSON body
    /// counts in its canonical form (member order and layout do not matter); any other body,
    /// which the handler refuses anyway, as sent.
    static func hash(of request: Request) -> [UInt8] {
        let body = (try? JSONValue(parsing: request.body, maxDepth: Request.maxJSONDepth))?.canonicalBytes ?? request.body
        return SHA256.hash(Array("\(request.method.rawValue) \(request.path)\n".utf8) + body)
    }
}
