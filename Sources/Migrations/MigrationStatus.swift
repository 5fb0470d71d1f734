/// Which migrations the database has and which it still needs, for `stepwork migrate --status`.
public struct MigrationStatus: Sendable, Equatable {
    public let applied: [AppliedMigration]
    public let pending: [Migration]
}
