import HTTPServer
import Postgres
import Web

/// `GET /healthz` (the process runs) and `GET /readyz` (PostgreSQL answers).
struct HealthRoutes {
    let pool: PostgresPool

    func register(on router: Router) {
        router.get("/healthz", inline: true) { _ in
            try .json(["status": "ok"])
        }
        router.get("/readyz") { [pool] _ in
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
