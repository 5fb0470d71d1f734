@testable import App
import Crypto
import Encryption
import Entries
import Foundation
import Postgres
import Testing
import TestSupport

/// Issue 15: every text a user writes is stored sealed under the data key of the entry's owner;
/// a tampered ciphertext is refused; deleting an account shreds its key; `stepwork encrypt`
/// seals what was written in the clear, `stepwork keys rotate` re-wraps the keys.
@Suite struct EncryptionAtRestTests {
    static let password = "correct horse battery staple"

    /// An amend with every text its fields have: each text starts `secret-`.
    static var amend: [String: Any] { [
        "kind": "amend", "title": "secret-title", "body": "secret-body",
        "fields": [
            "person": "secret-person", "relationship": "secret-relationship", "harm": "secret-harm",
            "plan": "secret-plan", "restitution": "secret-restitution", "method": "letter", "status": "made",
            "madeOn": "2026-10-14", "riskToOthers": "none", "riskNotes": "secret-risk-notes",
            "outcome": "secret-outcome", "response": "accepted",
        ],
    ] }

    @Test func everyTextIsStoredSealedAndReadBackAsWritten() throws {
        let scenario = try Scenario()
        let sam = try scenario.register("Sam"), alex = try scenario.register("Alex")
        let sponsorship = try scenario.sponsorship(sponsor: alex, sponsee: sam)
        let entry = try scenario.entryId(of: sam, Self.amend)
        let meeting = try scenario.entryId(of: sam, [
            "kind": "meeting", "title": "secret-meeting", "fields": ["date": "2026-11-17", "name": "secret-group"],
        ])
        try scenario.share(entry, through: sponsorship, access: "comment", as: sam)
        try scenario.expect(201, "POST", "/v1/entries/\(entry)/comments", as: alex, json: ["body": "secret-comment"])
        let review = try #require(try scenario.expect(
            201, "POST", "/v1/entries/\(entry)/reviews", as: sam, json: ["sponsorshipId": sponsorship]).json()["id"] as? String)
        try scenario.expect(200, "PUT", "/v1/reviews/\(review)/verdict", as: alex, json: ["verdict": "wait", "note": "secret-note"])

        // Read back as written, by the owner and by the sponsor (whose read opens the owner's key).
        for reader in [sam, alex] {
            let read = try scenario.expect(200, "GET", "/v1/entries/\(entry)", as: reader).json()
            #expect(read["title"] as? String == "secret-title" && read["body"] as? String == "secret-body")
            let fields = try #require(read["fields"] as? [String: Any])
            let written = try #require(Self.amend["fields"] as? [String: Any])
            for (key, value) in written { #expect(fields[key] as? String == value as? String, "\(key)") }
            let thread = try scenario.expect(200, "GET", "/v1/entries/\(entry)/comments", as: reader).items()
            #expect(thread.map { $0["body"] as? String } == ["secret-comment"])
            let reviews = try scenario.expect(200, "GET", "/v1/entries/\(entry)/reviews", as: reader).items()
            #expect(reviews.map { $0["note"] as? String } == ["secret-note"])
        }
        let meetingFields = try scenario.expect(200, "GET", "/v1/entries/\(meeting)", as: sam).json()["fields"] as? [String: Any]
        #expect(meetingFields?["name"] as? String == "secret-group" && meetingFields?["date"] as? String == "2026-11-17")
        // The amend summary still counts the clear choices.
        let summary = try scenario.expect(200, "GET", "/v1/amends/summary", as: sam).json()
        #expect((summary["byStatus"] as? [String: Int])?["made"] == 1)

        // Stored: clear columns empty, the choices and dates of `fields` clear, the rest sealed.
        let row = try scenario.pool.query("""
            SELECT title, body, fields::text AS fields, title_sealed IS NOT NULL AND body_sealed IS NOT NULL
                   AND fields_sealed IS NOT NULL AS sealed
            FROM stepwork.entries WHERE id = \(try #require(UUID(uuidString: entry)))
            """)[0]
        #expect(try row.decode("title", as: String.self) == "")
        #expect(try row.decode("body", as: String.self) == "")
        #expect(try row.decode("sealed", as: Bool.self))
        let clearFields = try row.decode("fields", as: String.self)
        #expect(clearFields.contains("\"made\"") && !clearFields.contains("secret-"))
        let dump = try PostgresDump.text(of: scenario.app.database)
        #expect(dump.contains(entry.lowercased()))
        #expect(!dump.contains("secret-"), "a text is stored in the clear")
    }

    @Test func aTamperedSwappedOrMovedCiphertextIsAnInternalErrorLoggedWithoutContent() throws {
        let scenario = try Scenario()
        let sam = try scenario.register("Sam")
        let first = try scenario.entryId(of: sam, ["kind": "journal", "title": "secret-first", "body": "secret-body"])
        let second = try scenario.entryId(of: sam, ["kind": "journal", "title": "secret-second"])
        let (id, other) = (try #require(UUID(uuidString: first)), try #require(UUID(uuidString: second)))
        let original: [UInt8] = try scenario.pool.query(
            "SELECT title_sealed FROM stepwork.entries WHERE id = \(id)")[0].decode("title_sealed")
        var flipped = original
        flipped[flipped.count - 20] ^= 0x01
        let tamperings: [(String, PostgresQuery)] = [
            ("a flipped byte", "UPDATE stepwork.entries SET title_sealed = \(flipped) WHERE id = \(id)"),
            ("another row's title", """
                UPDATE stepwork.entries SET title_sealed = (SELECT title_sealed FROM stepwork.entries WHERE id = \(other))
                WHERE id = \(id)
                """),
            ("the row's body", "UPDATE stepwork.entries SET title_sealed = body_sealed WHERE id = \(id)"),
        ]
        for (tampering, statement) in tamperings {
            try scenario.pool.execute(statement)
            let reply = try scenario.call("GET", "/v1/entries/\(first)", as: sam)
            #expect(reply.status == 500, "\(tampering)")
            #expect(try reply.json()["code"] as? String == "internal_error")
            #expect(!reply.bodyString.contains("entries") && !reply.bodyString.contains("secret"), "\(reply.bodyString)")
            try scenario.pool.execute("UPDATE stepwork.entries SET title_sealed = \(original) WHERE id = \(id)")
        }
        let failures = scenario.app.logs.events("unhandled_error")
        #expect(failures.count == tamperings.count)
        for line in failures {
            #expect(line.contains("sealed_text=entries.title") && line.contains("row_id=\(id.uuidString)"), "\(line)")
            #expect(line.contains("encryption_error=\"ciphertext failed authentication\"") && !line.contains("secret"), "\(line)")
        }
        #expect(try scenario.expect(200, "GET", "/v1/entries/\(first)", as: sam).json()["title"] as? String == "secret-first")
    }

    /// The brief's proof, from a dump taken before the deletion: the server cannot open its
    /// ciphertext once the account is gone (the key went in the same transaction). The dump
    /// itself still holds the wrapped key, which opens under the key-encryption key it was
    /// wrapped with: after `keys rotate` and retiring that version, it no longer does.
    @Test func deletingAnAccountShredsItsKeyAlsoForADumpTakenBefore() throws {
        let v1 = try SymmetricKey.random(), v2 = try SymmetricKey.random()
        let scenario = try Scenario(keyRing: KeyRing(keys: [1: v1]))
        let leaver = try scenario.register("Leaver"), stayer = try scenario.register("Stayer")
        let gone = try scenario.entryId(of: leaver, ["kind": "journal", "title": "secret-leaver"])
        let kept = try scenario.entryId(of: stayer, ["kind": "journal", "title": "kept"])
        let dump = try PostgresDump.text(of: scenario.app.database)
        try scenario.expect(204, "DELETE", "/v1/me", as: leaver, json: ["password": Self.password])
        let leaverId = try #require(UUID(uuidString: leaver.id))

        let oldEntry = try #require(Self.copyRows(dump, table: "entries").first { $0["id"] == gone.lowercased() })
        let oldKey = try #require(Self.copyRows(dump, table: "data_keys").first { $0["user_id"] == leaver.id.lowercased() })
        // The old rows, restored into the live database the way the server reads them: no key opens them.
        try scenario.pool.execute("""
            INSERT INTO stepwork.users (id, email, display_name, password_hash)
            VALUES (\(leaverId), 'restored@example.org', 'Restored', '$scrypt$restored')
            """)
        try scenario.pool.execute("""
            INSERT INTO stepwork.entries (id, owner_id, kind, title, body, title_sealed, body_sealed)
            VALUES (\(try #require(UUID(uuidString: gone))), \(leaverId), 'journal', '', '',
                    \(try Self.bytes(oldEntry["title_sealed"])), \(try Self.bytes(oldEntry["body_sealed"])))
            """)
        let keys = DataKeys(ring: KeyRing(keys: [1: v1]))
        let restored = try scenario.pool.query("SELECT * FROM stepwork.entry_rows WHERE id = \(try #require(UUID(uuidString: gone)))")
        let refusal = try #require(throws: SealedTextError.self) { try Entry(row: restored[0], access: .owner, keys: keys) }
        #expect(refusal.cause == .noDataKey)

        // The dump's own wrapped key: it opens while v1 is in the key file ...
        let wrapped = try WrappedDataKey(
            dataKeyVersion: try #require(Int(oldKey["data_key_version"] ?? "")), keyVersion: try #require(Int(oldKey["key_version"] ?? "")),
            bytes: try Self.bytes(oldKey["wrapped"]))
        let opened = try KeyRing(keys: [1: v1]).unwrap(wrapped, owner: leaverId)
        #expect(try FieldCipher(dataKey: opened).open(SealedField(bytes: try Self.bytes(oldEntry["title_sealed"])),
            for: FieldIdentity(table: "entries", row: try #require(UUID(uuidString: gone)), column: "title")) == "secret-leaver")
        // ... and not once every stored key is re-wrapped under v2 and v1 retired.
        var progress: [String] = []
        let rotated = try EncryptionCommands.rotate(
            keys: DataKeys(ring: KeyRing(keys: [1: v1, 2: v2])), on: scenario.pool) { progress.append($0) }
        #expect(rotated == 1)
        #expect(progress == ["rewrapped 1/1 data keys under v2", "every data key is wrapped under v2: older key lines may go"])
        #expect(throws: EncryptionError.unknownKeyVersion(1)) { try KeyRing(keys: [2: v2]).unwrap(wrapped, owner: leaverId) }
        // The stayer's text reads on with v2 alone; a second rotation has nothing to do.
        let retired = try TestApp.start(on: scenario.app.database) { $0.keyRing = KeyRing(keys: [2: v2]) }
        let read = try TestAPI(app: retired).send("GET", "/v1/entries/\(kept)", as: stayer, json: nil, headers: [])
        #expect(read.status == 200)
        #expect(try read.json()["title"] as? String == "kept")
        #expect(try EncryptionCommands.rotate(keys: DataKeys(ring: KeyRing(keys: [2: v2])), on: scenario.pool) { _ in } == 0)
    }

    /// The demo data, loaded in the clear as a database from before encryption at rest holds it:
    /// the server reads it, `stepwork encrypt` seals it without changing what the API shows,
    /// and then a dump holds none of its texts.
    @Test func clearRowsAreReadThenSealedInBatchesByEncrypt() throws {
        let app = try TestApp.start()
        try app.ownerPool.withTransaction { try $0.unsafeExecuteScript(try String(contentsOf: DemoSeedTests.file, encoding: .utf8)) }
        let login = try app.request("POST", "/v1/auth/login", json: #"{"email":"sam@example.org","password":"one day at a time"}"#)
        let sam = User(token: try #require(try login.json()["token"] as? String), id: "")
        let paths = ["/v1/entries/\(Self.dansAmend)", "/v1/entries/\(Self.dansAmend)/comments",
                     "/v1/entries/\(Self.dansAmend)/reviews", "/v1/entries?limit=50"]
        let before = try paths.map { try TestAPI(app: app).send("GET", $0, as: sam, json: nil, headers: []) }
        #expect(before.allSatisfy { $0.status == 200 })
        #expect(before[0].bodyString.contains("Missed his wedding"))

        var progress: [String] = []
        let keys = DataKeys(ring: try #require(app.configuration.keyRing))
        // Batches of 4: each starts after the last row of the one before, across owners.
        let sealed = try EncryptionCommands.sealClearTexts(keys: keys, on: app.ownerPool, batch: 4) { progress.append($0) }
        #expect(sealed == 11 + 2 + 1)  // entries, comments, the one review with a note
        #expect(progress == [
            "sealed 4/11 entries", "sealed 8/11 entries", "sealed 11/11 entries", "sealed 2/2 comments", "sealed 1/1 reviews",
        ])
        let after = try paths.map { try TestAPI(app: app).send("GET", $0, as: sam, json: nil, headers: []) }
        #expect(after.map(\.bodyString) == before.map(\.bodyString))
        #expect(after[0].header("etag") == before[0].header("etag"))
        #expect(try EncryptionCommands.sealClearTexts(keys: DataKeys(ring: try #require(app.configuration.keyRing)), on: app.ownerPool) { _ in } == 0)
        let dump = try PostgresDump.text(of: app.database)
        for text in Self.demoTexts { #expect(!dump.contains(text), "\(text) is stored in the clear") }
    }

    @Test func theSeedCommandStoresNoDemoTextInTheClear() throws {
        let database = try TestDatabase.create()
        let keys = try ConfigurationFixture(secret: "v1:" + String(repeating: "5e", count: 32))
        let environment = ["STEPWORK_DATABASE_URL": database.connectionString, "STEPWORK_KEY_FILE": keys.path]
        #expect(StepworkCommand.run(arguments: ["seed", DemoSeedTests.file.path], environment: environment) == 0)
        #expect(StepworkCommand.run(arguments: ["seed", DemoSeedTests.file.path], environment: environment) == 0)
        let dump = try PostgresDump.text(of: database)
        #expect(dump.contains("sam@example.org"))
        for text in Self.demoTexts { #expect(!dump.contains(text), "\(text) is stored in the clear") }
        // Another key file does not open the keys the seed stored: the commands refuse at once.
        let wrong = try ConfigurationFixture(secret: "v1:" + String(repeating: "6f", count: 32))
        #expect(StepworkCommand.run(arguments: ["encrypt"], environment: environment.merging(["STEPWORK_KEY_FILE": wrong.path]) { $1 }) == 1)
        #expect(StepworkCommand.run(arguments: ["keys", "rotate"], environment: environment) == 0)
    }

    @Test func serveRefusesAKeyFileThatDoesNotOpenTheStoredKeys() throws {
        let app = try TestApp.start()
        let (token, _) = try app.register()
        _ = try TestAPI(app: app).send("POST", "/v1/entries", as: User(token: token, id: ""), json: #"{"kind":"journal","title":"t"}"#, headers: [])
        let secret = try ConfigurationFixture(secret: String(repeating: "5e", count: 32))
        for keyFile in ["v1:" + String(repeating: "6f", count: 32), "v2:" + String(repeating: "6f", count: 32)] {
            let keys = try ConfigurationFixture(secret: keyFile)
            #expect(StepworkCommand.run(arguments: ["serve"], environment: [
                "STEPWORK_DATABASE_URL": app.database.runtimeConnectionString, "STEPWORK_PORT": "0",
                "STEPWORK_SECRET_FILE": secret.path, "STEPWORK_KEY_FILE": keys.path,
            ]) == 1)
        }
    }

    /// Writes keep the keys they read (`DataKeyCache`), but never a key of a transaction that
    /// rolled back, and never a key shredded since.
    @Test func writesUseTheStoredKeyEvenAfterARollbackOrAShred() throws {
        let app = try TestApp.start()
        let keys = DataKeys(ring: KeyRing(keys: [1: try SymmetricKey.random()]))
        let owner = UUID()
        try app.ownerPool.execute("""
            INSERT INTO stepwork.users (id, email, display_name, password_hash)
            VALUES (\(owner), 'keys@example.org', 'Keys', '$scrypt$keys')
            """)
        /// The key stored for `owner`, unwrapped.
        func stored() throws -> SymmetricKey? {
            let row = try app.ownerPool.query("SELECT * FROM stepwork.data_keys WHERE user_id = \(owner)").first
            return try row.map { row in
                try keys.ring.unwrap(
                    WrappedDataKey(dataKeyVersion: try row.decode("data_key_version"), keyVersion: try row.decode("key_version"),
                                   bytes: try row.decode("wrapped")), owner: owner).key
            }
        }
        struct RolledBack: Error {}
        #expect(throws: RolledBack.self) {
            try app.ownerPool.withTransaction { connection in
                let created = try keys.cipher(forWriting: owner, on: connection)
                #expect(try keys.cipher(forWriting: owner, on: connection).dataKey == created.dataKey)
                throw RolledBack()
            }
        }
        #expect(try stored() == nil)
        let first = try app.ownerPool.withTransaction { try keys.cipher(forWriting: owner, on: $0) }
        #expect(try first.dataKey.key == stored())
        // Read from a committed row: kept, and used while the row stands.
        #expect(try app.ownerPool.withTransaction { try keys.cipher(forWriting: owner, on: $0) }.dataKey == first.dataKey)
        try app.ownerPool.withTransaction { try keys.shred(owner: owner, on: $0) }
        #expect(try stored() == nil)
        let second = try app.ownerPool.withTransaction { try keys.cipher(forWriting: owner, on: $0) }
        #expect(second.dataKey != first.dataKey)
        #expect(try second.dataKey.key == stored())
    }

    static let dansAmend = "5a0c7b7e-0000-4000-8000-000000000104"

    /// Texts of the demo's entries (titles, bodies, fields), comments and review note.
    static let demoTexts = [
        "Called Alex before the meeting", "Step 1: where I was powerless", "Resentments, part one", "My old boss",
        "Amend to Mrs. Okafor", "Elm Street", "former landlord", "Said cruel things", "Mr. Reyes", "He listened",
        "She has rebuilt her marriage", "Aunt Carol", "Tuesday Big Book study", "Tuesday Night Big Book Study",
        "Not ready to share this yet", "Amend to my brother", "Missed his wedding", "Good plan. Before you go",
        "No, she knows already", "Go ahead. Keep it about your part",
    ]

    /// The rows of `stepwork.<table>` in a plain `pg_dump`'s COPY block, column name to text.
    static func copyRows(_ dump: String, table: String) -> [[String: String]] {
        let lines = dump.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("COPY stepwork.\(table) (") }),
              let open = lines[start].firstIndex(of: "("), let close = lines[start].firstIndex(of: ")")
        else { return [] }
        let columns = lines[start][lines[start].index(after: open)..<close].components(separatedBy: ", ")
        return lines[(start + 1)...].prefix { $0 != "\\." }.map { line in
            Dictionary(uniqueKeysWithValues: zip(columns, line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// A `bytea` as COPY writes it (`\\x…`).
    static func bytes(_ text: String?) throws -> [UInt8] {
        try #require([UInt8](postgresText: (text ?? "").replacingOccurrences(of: "\\\\", with: "\\")))
    }
}
