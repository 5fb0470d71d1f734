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
        guard logger.isEnabled(.info) else { return try next(request, context) }
        let clock = ContinuousClock()
        let start = clock.now
        let response = try next(request, context)
        let micros = Int((clock.now - start) / .microseconds(1))
        logger.info("request", [
            "method": request.method.rawValue,
            "route": request.route?.template ?? "-",
            "status": String(response.status.code),
            "duration_ms": Self.milliseconds(micros),
            "request_id": request.requestId,
            "client": request.clientAddress,
        ])
        return response
    }

    /// `micros` as milliseconds with three decimals (`12.345`), without `String(format:)`.
    static func milliseconds(_ micros: Int) -> String {
        let fraction = String(micros % 1000)
        return String(micros / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
