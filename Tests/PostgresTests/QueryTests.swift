@testable import Postgres
import Testing

/// How `PostgresQuery` turns interpolations into parameters: pure, no database.
@Suite struct QueryTests {
    @Test func interpolationsBecomeNumberedParameters() {
        let email = "x'; DROP TABLE users; --"
        let query: PostgresQuery = "SELECT id FROM users WHERE email = \(email) AND age > \(18) AND note = \(String?.none)"
        #expect(query.sql == "SELECT id FROM users WHERE email = $1 AND age > $2 AND note = $3")
        #expect(query.parameters.map(\.text) == [email, "18", nil])
        #expect(query.parameters.map(\.type) == [0, 20, 0])
    }

    @Test func literalsHaveNoParameters() {
        let query: PostgresQuery = "SELECT 1"
        #expect(query.sql == "SELECT 1")
        #expect(query.parameters.isEmpty)
    }

    @Test func descriptionLeavesOutValues() {
        let secret = "hunter2"
        let query: PostgresQuery = "SELECT \(secret)"
        #expect("\(query)" == "SELECT $1")
    }
}
