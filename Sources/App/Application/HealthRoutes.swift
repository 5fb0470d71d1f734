import HTTPServer
import Postgres
import Web

/// `GET /healthz` (the process runs) and `GET /readyz` (PostgreSQL answers): public.
struct HealthRoutes {
    let pool: PostgresPool

    func register(on routes: RouterGroup) {
        routes.get("/healthz", access: .public, inline: true) { _, _ in
            try .json(["status": "ok"])
        }
        routes.get("/readyz", access: .public) { [pool] _, _ in
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
