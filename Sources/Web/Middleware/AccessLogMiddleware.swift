import Foundation
import HTTPServer
import Logging

/// Writes one `info` line per request: method, route template (never the raw path, which
/// may carry ids and query text), status, duration, request id and client address.
public struct AccessLogMiddleware: Middleware {
    private let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    public func handle(
        _ request: Request, context: RequestContext, next: (Request, RequestContext) throws -> HTTPResponse
    ) throws -> HTTPResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try next(request, context)
        let micros = (clock.now - start) / .microseconds(1)
        logger.info("request", [
            "method": request.method.rawValue,
            "route": request.route?.template ?? "-",
            "status": String(response.status.code),
            "duration_ms": String(format: "%.3f", micros / 1000),
            "request_id": request.requestId,
            "client": request.clientAddress,
        ])
        return response
    }
}
