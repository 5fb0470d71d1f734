import Encryption
import Foundation
import Permissions
import Postgres
import TestSupport
import Testing
@testable import Entries
@testable import Web

/// Entries write their own JSON on the read path (`JSONWritable`); it must be byte for byte
/// what the shared encoder writes for them, whatever the text holds.
@Suite struct EntryJSONTests {
    /// Every control character PostgreSQL text can hold, the escaped and unescaped punctuation, and text beyond ASCII.
    static let awkward = (1..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined()
        + "\u{7f} \"quoted\" back\\slash a/b é \u{2028} 😀"

    @Test func entriesWriteWhatTheEncoderWrites() throws {
        let scenario = try Scenario()
        let owner = try scenario.register("Owner")
        let ownerId = try #require(UUID(uuidString: owner.id))
        let amend = """
            {"person": "P \\u0001 \\"x\\" / é", "status": "made", "madeOn": "2026-11-01", "method": "letter",
             "riskToOthers": "none", "response": "accepted", "outcome": "ok"}
            """
        let rows = try scenario.pool.withConnection { connection in
            try connection.execute("UPDATE stepwork.users SET display_name = \(Self.awkward) WHERE id = \(ownerId)")
            try connection.execute("""
                INSERT INTO stepwork.entries (owner_id, kind, title, body, step, fields) VALUES
                    (\(ownerId), 'journal', \(Self.awkward), \(Self.awkward), NULL, '{}'),
                    (\(ownerId), 'step_work', 'Step', '', 4, '{}'),
                    (\(ownerId), 'amend', 'Amend', 'b', NULL, \(amend)::jsonb),
                    (\(ownerId), 'amend', 'Amend', 'b', NULL, '{"person": "Q", "status": "planned"}'),
                    (\(ownerId), 'meeting', 'Meeting', 'b', NULL, '{"date": "2026-11-02", "name": "Home group"}'),
                    (\(ownerId), 'meeting', 'Meeting', 'b', NULL, '{"date": "2026-11-03"}')
                """)
            return try connection.query("SELECT * FROM stepwork.entry_rows WHERE owner_id = \(ownerId) ORDER BY kind, title")
        }
        let keys = DataKeys(ring: try #require(scenario.app.configuration.keyRing))
        let entries = try rows.map { try Entry(row: $0, access: .comment, keys: keys) }
        #expect(entries.count == 6)
        for entry in entries {
            #expect(JSONOutput.written(entry) == (try JSONOutput.encoded(entry)))
        }
        for page in [Page(items: entries, nextCursor: "next/cursor"), Page(items: [], nextCursor: nil)] {
            #expect(JSONOutput.written(page) == (try JSONOutput.encoded(page)))
            #expect(try JSONOutput.encode(page) == (try JSONOutput.encoded(page)))
        }
    }

    @Test(arguments: [
        -62_135_596_800.0, -1.5, 0, 1_795_608_000.123, 1_795_608_000.999_9, 253_402_300_799.999, 253_402_300_800,
    ])
    func timesWriteWhatTheEncoderWrites(seconds: Double) throws {
        let date = Date(timeIntervalSince1970: seconds)
        var writer = JSONWriter()
        writer.value(date)
        #expect(writer.bytes == (try JSONOutput.encoded(date)))
    }
}
