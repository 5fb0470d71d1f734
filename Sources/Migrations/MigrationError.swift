import Postgres

/// Why migrations cannot run; each description is one line for an operator.
public enum MigrationError: Error, CustomStringConvertible {
    case unreadableDirectory(path: String)
    case unreadableFile(path: String)
    case invalidFileName(String)
    case duplicateVersion(String, String)
    /// An applied migration's file has been edited since.
    case checksumMismatch(migration: String)
    /// The database has a migration the directory lacks.
    case appliedMigrationMissing(migration: String)
    /// A file sorts before a migration that is already applied.
    case pendingBeforeApplied(pending: String, applied: String)
    /// The server refused a migration's SQL; nothing of it was applied.
    case failed(migration: String, PostgresError)
    /// A migration's SQL committed or rolled back the transaction it runs in.
    case endedTransaction(migration: String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let path):
            "cannot read the migrations directory \(path)"
        case .unreadableFile(let path):
            "cannot read the migration \(path) as UTF-8 text"
        case .invalidFileName(let fileName):
            "migration file \(fileName) is not named NNNN_name.sql"
        case .duplicateVersion(let first, let second):
            "migrations \(first) and \(second) have the same version"
        case .checksumMismatch(let migration):
            "migration \(migration) was changed after it was applied; restore it and add a new migration instead"
        case .appliedMigrationMissing(let migration):
            "migration \(migration) is applied to the database but its file is missing"
        case .pendingBeforeApplied(let pending, let applied):
            "migration \(pending) is not applied but the later \(applied) is; renumber it after the applied ones"
        case .failed(let migration, let error):
            "migration \(migration) failed and was rolled back: \(error.debugDescription)"
        case .endedTransaction(let migration):
            "migration \(migration) ended its transaction (COMMIT or ROLLBACK in the file); remove that"
        }
    }
}
