import Postgres

/// The role a pool's connections act as, and whether it holds more than the runtime role
/// should: `serve` works as the schema owner or a superuser, but says so once at start.
struct DatabaseRole {
    let name: String
    let isSuperuser: Bool
    /// Owns schema `stepwork`, or inherits the owner's privileges.
    let ownsSchema: Bool

    /// Reads the role of `pool`'s connections.
    init(of pool: PostgresPool) throws {
        let row = try pool.query("""
            SELECT current_user AS name, r.rolsuper AS superuser,
                   coalesce(pg_has_role(current_user, n.nspowner, 'USAGE'), false) AS owner
            FROM pg_roles r LEFT JOIN pg_namespace n ON n.nspname = \(AppConfiguration.schema)
            WHERE r.rolname = current_user
            """)[0]
        name = try row.decode("name")
        isSuperuser = try row.decode("superuser")
        ownsSchema = try row.decode("owner")
    }

    /// Whether the role could change the schema (DDL, `TRUNCATE`, the migrations table).
    var isPrivileged: Bool { isSuperuser || ownsSchema }
}
