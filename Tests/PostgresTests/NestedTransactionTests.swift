import Foundation
import Postgres
import Testing
import TestSupport

/// `withTransaction` inside an open transaction runs under a savepoint: its changes commit
/// with the outer transaction, and only its own part is undone when it throws.
@Suite struct NestedTransactionTests {
    let database: TestDatabase

    init() throws { database = try sampleDatabase(poolSize: 2) }

    struct Marker: Error, Equatable {}

    func texts() throws -> [String] {
        try database.pool.query("SELECT text FROM samples ORDER BY id").map { try $0.decode("text") }
    }

    @Test func anInnerTransactionCommitsWithTheOuterOne() throws {
        try database.pool.withTransaction { connection in
            try connection.execute("INSERT INTO samples (text) VALUES (\("outer"))")
            try connection.withTransaction { inner in
                try inner.execute("INSERT INTO samples (text) VALUES (\("inner"))")
            }
        }
        #expect(try texts() == ["outer", "inner"])
    }

    @Test func anInnerTransactionIsRolledBackWithTheOuterOne() throws {
        #expect(throws: Marker()) {
            try database.pool.withTransaction { connection in
                try connection.withTransaction { inner in
                    try inner.execute("INSERT INTO samples (text) VALUES (\("inner"))")
                }
                throw Marker()
            }
        }
        #expect(try texts() == [])
    }

    @Test func anInnerTransactionThatThrowsUndoesOnlyItsOwnPart() throws {
        try database.pool.withTransaction { connection in
            try connection.execute("INSERT INTO samples (text) VALUES (\("outer"))")
            #expect(throws: Marker()) {
                try connection.withTransaction { inner in
                    try inner.execute("INSERT INTO samples (text) VALUES (\("inner"))")
                    throw Marker()
                }
            }
            try connection.execute("INSERT INTO samples (text) VALUES (\("after"))")
        }
        #expect(try texts() == ["outer", "after"])
    }

    @Test func aFailedStatementInsideTheInnerTransactionLeavesTheOuterOneUsable() throws {
        try database.pool.withTransaction { connection in
            try connection.execute("INSERT INTO samples (text) VALUES (\("outer"))")
            #expect(throws: PostgresError.self) {
                try connection.withTransaction { inner in
                    try inner.execute("INSERT INTO samples (text) VALUES (\("inner"))")
                    _ = try? inner.execute("INSERT INTO samples (big) VALUES (\("not a number"))")
                }
            }
            try connection.execute("INSERT INTO samples (text) VALUES (\("after"))")
        }
        #expect(try texts() == ["outer", "after"])
    }

    @Test func savepointsNestAgain() throws {
        try database.pool.withTransaction { connection in
            try connection.withTransaction { middle in
                try middle.execute("INSERT INTO samples (text) VALUES (\("middle"))")
                _ = try? middle.withTransaction { inner in
                    try inner.execute("INSERT INTO samples (text) VALUES (\("inner"))")
                    throw Marker()
                }
            }
        }
        #expect(try texts() == ["middle"])
    }
}
