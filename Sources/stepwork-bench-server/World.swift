import Postgres

/// A row of the TechEmpower `world` table.
struct World: Encodable {
    let id: Int32
    let randomNumber: Int32

    /// Reads one random row (ids 1...10,000) on `connection`.
    static func random(on connection: PostgresConnection) throws -> World {
        let id = Int32.random(in: 1...10_000)
        guard let row = try connection.query("SELECT id, randomnumber FROM world WHERE id = \(id)").first else {
            throw PostgresError.decoding(column: "id", expected: "a row", found: "none")
        }
        return World(id: try row.decode("id"), randomNumber: try row.decode("randomnumber"))
    }
}
