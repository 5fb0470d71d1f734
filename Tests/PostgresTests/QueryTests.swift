@testable import Postgres
import Testing

/// How `PostgresQuery` turns interpolations into parameters: pure, no database.
@Suite struct QueryTests {
    @Test func interpolationsBecomeNumberedParameters() {
        let email = "x'; DROP TABLE users; --"
        let query: PostgresQuery = "SELECT id FROM users WHERE email = \(email) AND age > \(18) AND note = \(String?.none)"
        #expect(query.sql == "SELECT id FROM users WHERE email = $1 AND age > $2 AND note = $3")
        #expect(query.values == [email, "18", nil])
        #expect(query.types == [0, 20, 0])
    }

    @Test func literalsHaveNoParameters() {
        let query: PostgresQuery = "SELECT 1"
        #expect(query.sql == "SELECT 1")
        #expect(query.values.isEmpty)
    }

    @Test func descriptionLeavesOutValues() {
        let secret = "hunter2"
        let query: PostgresQuery = "SELECT \(secret)"
        #expect("\(query)" == "SELECT $1")
    }
}
