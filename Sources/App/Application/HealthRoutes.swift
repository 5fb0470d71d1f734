import HTTPServer
import Postgres
import Web

/// `GET /healthz` (the process runs) and `GET /readyz` (PostgreSQL answers and the process is
/// not shutting down): public.
struct HealthRoutes {
    let pool: PostgresPool
    let shutdown: ShutdownNotice

    func register(on routes: RouterGroup) {
        routes.get("/healthz", access: .public, inline: true) { _, _ in
            try .json(["status": "ok"])
        }
        routes.get("/readyz", access: .public) { [pool, shutdown] _, _ in
            if shutdown.isGiven {
                throw HTTPError(
                    status: .serviceUnavailable, code: "shutting_down", title: "Shutting down",
                    detail: "This server is shutting down.", headers: ["Retry-After": "1"])
            }
            do {
                try pool.ping()
                return try .json(["status": "ready"])
            } catch {
                throw HTTPError(
                    status: .serviceUnavailable, code: "not_ready", title: "Not ready",
                    detail: "The database does not answer.", headers: ["Retry-After": "1"])
            }
        }
    }
}
