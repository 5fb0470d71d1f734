import Foundation
import Testing
import TestSupport

/// The export is streamed: exporting 20,000 entries (about 85 MB of JSON) grows this process's
/// peak memory, server and test client together, by less than 32 MiB.
@Suite(.serialized) struct ExportMemoryTests {
    static let entries = 20_000
    static let limit = 32 * 1024 * 1024

    @Test func exportingALargeAccountKeepsMemoryFlat() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Sam")
        _ = try scenario.app.database.pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO stepwork.entries (owner_id, kind, title, body)
                SELECT \(UUID(uuidString: owner.id)!), 'journal', 'Entry ' || n, repeat('One day at a time. ', 220)
                FROM generate_series(1, \(Self.entries)) AS n
                """)
        }
        let client = try TestHTTPClient(port: scenario.app.port, timeout: .seconds(120))
        let body = Array(#"{"password":"\#(password)"}"#.utf8)
        try MemoryUsage.resetPeak()
        let before = try MemoryUsage.current()
        try client.send(raw: Array("""
            POST /v1/me/export HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: Bearer \(owner.token)\r
            Content-Type: application/json\r
            Content-Length: \(body.count)\r
            \r

            """.utf8) + body)
        var received = 0
        var entriesSeen = 0
        var last: UInt8 = 0
        let marker = Array(#""kind":"journal""#.utf8)
        var carry: [UInt8] = []
        let response = try client.readResponse { piece in
            received += piece.count
            last = piece.last ?? last
            let window = carry + piece
            entriesSeen += MemoryUsage.occurrences(of: marker, in: window)
            carry = Array(window.suffix(marker.count - 1))
        }
        let peak = try MemoryUsage.peak()
        #expect(response.status == 200)
        #expect(entriesSeen == Self.entries)
        #expect(received > 80_000_000 && last == UInt8(ascii: "}"))
        #expect(peak - before < Self.limit, "peak grew by \(peak - before) bytes")
    }
}
