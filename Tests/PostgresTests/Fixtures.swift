import Postgres
import TestSupport

/// A fresh database with schema `stepwork` and a table `samples` with a column of each supported type.
func sampleDatabase(poolSize: Int = 4) throws -> TestDatabase {
    let database = try TestDatabase.create(migrated: false, poolSize: poolSize)
    try database.pool.withConnection { connection in
        try connection.unsafeExecuteScript("""
            CREATE SCHEMA stepwork;
            CREATE TABLE stepwork.samples (
                id       serial PRIMARY KEY,
                text     text,
                big      bigint,
                int      integer,
                flag     boolean,
                real     double precision,
                uuid     uuid,
                at       timestamptz,
                day      date,
                bytes    bytea,
                unique_text text UNIQUE
            );
            """)
    }
    return database
}

/// Whether `body` throws the error `expected`.
func throwsError(_ expected: PostgresError, _ body: () throws -> Void) -> Bool {
    do {
        try body()
        return false
    } catch {
        return error as? PostgresError == expected
    }
}
