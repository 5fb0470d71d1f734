import Foundation
import TestSupport
import Testing

@Suite struct EntryValidationTests {
    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    func create(_ json: Any) throws -> TestHTTPResponse {
        try scenario.call("POST", "/v1/entries", as: owner, json: json)
    }


    @Test func everyKindIsWrittenAndReadBackWithItsFields() throws {
        let cases: [(json: [String: Any], fields: [String: Any])] = [
            (["kind": "journal", "title": "Day 1"], [:]),
            (["kind": "inventory", "title": "Tenth step", "step": 10, "fields": [String: Any]()], [:]),
            (["kind": "step_work", "title": "Step 4", "step": 4, "body": "Resentments…"], [:]),
            (["kind": "amend", "title": "Uncle", "fields": ["person": "  Uncle Joe  ", "method": "letter"]],
             Self.amendFields(["person": "Uncle Joe", "method": "letter"])),
            (["kind": "amend", "title": "Boss", "fields": [
                "person": "Boss", "harm": "Lied", "plan": "Tell the truth", "method": "in_person",
                "status": "made", "madeOn": "2024-02-29",
            ]], Self.amendFields(["person": "Boss", "harm": "Lied", "plan": "Tell the truth", "method": "in_person",
                                  "status": "made", "madeOn": "2024-02-29"])),
            (["kind": "meeting", "title": "Home group", "fields": ["date": "2026-11-24"]],
             ["date": "2026-11-24", "name": NSNull()]),
            (["kind": "meeting", "title": "Big book", "fields": ["date": "2026-11-25", "name": "Tuesday night"]],
             ["date": "2026-11-25", "name": "Tuesday night"]),
        ]
        for (json, fields) in cases {
            let reply = try create(json)
            #expect(reply.status == 201, "\(json): \(reply.bodyString)")
            let entry = try reply.json()
            let id = try #require(entry["id"] as? String)
            #expect(reply.header("Location")?.lowercased() == "/v1/entries/\(id.lowercased())")
            #expect(reply.header("ETag") == "\"1\"")
            #expect(entry["version"] as? Int == 1 && entry["access"] as? String == "owner")
            #expect(entry["kind"] as? String == json["kind"] as? String)
            #expect((entry["owner"] as? [String: Any])?["id"] as? String == owner.id)
            #expect(NSDictionary(dictionary: entry["fields"] as? [String: Any] ?? ["-": 0]).isEqual(to: fields))
            #expect((entry["createdAt"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            let read = try scenario.expect(200, "GET", "/v1/entries/\(id)", as: owner).json()
            #expect(NSDictionary(dictionary: read).isEqual(to: entry))
        }
    }

    /// An amend's fields as answered: every key, `null` where nothing is set, `planned` by default.
    static func amendFields(_ set: [String: Any]) -> [String: Any] {
        let keys = ["person", "relationship", "harm", "plan", "restitution", "method", "status", "riskToOthers",
                    "riskNotes", "madeOn", "outcome", "response", "revisitOn"]
        var fields = Dictionary(uniqueKeysWithValues: keys.map { ($0, NSNull() as Any) })
        fields["status"] = "planned"
        return fields.merging(set) { $1 }
    }

    @Test func stepsAreCheckedByKind() throws {
        let refused: [([String: Any], [String])] = [
            (["kind": "step_work", "title": "t"], ["step:required"]),
            (["kind": "step_work", "title": "t", "step": NSNull()], ["step:required"]),
            (["kind": "step_work", "title": "t", "step": 0], ["step:out_of_range"]),
            (["kind": "journal", "title": "t", "step": 13], ["step:out_of_range"]),
        ]
        for (json, expected) in refused {
            let reply = try create(json)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(json)")
            #expect(reply.problems == expected, "\(json)")
        }
        for json: [String: Any] in [["kind": "step_work", "title": "t", "step": "4"], ["kind": "journal", "title": "t", "step": 4.5]] {
            #expect(try create(json).status == 422, "\(json)")
        }
        #expect(try create(["kind": "journal", "title": "t", "step": 12]).status == 201)
    }

    @Test func fieldsAreCheckedByKind() throws {
        let refused: [([String: Any], [String])] = [
            (["kind": "amend", "title": "t"], ["fields.person:required"]),
            (["kind": "amend", "title": "t", "fields": ["person": "   "]], ["fields.person:too_short"]),
            (["kind": "amend", "title": "t", "fields": ["person": String(repeating: "p", count: 201)]],
             ["fields.person:too_long"]),
            (["kind": "amend", "title": "t", "fields": ["person": "Jo\nJo"]], ["fields.person:invalid_characters"]),
            (["kind": "amend", "title": "t", "fields": [
                "person": "Jo", "harm": String(repeating: "h", count: 10_001), "plan": String(repeating: "p", count: 10_001),
            ]], ["fields.harm:too_long", "fields.plan:too_long"]),
            (["kind": "amend", "title": "t", "fields": ["person": "Jo", "method": "fax", "status": "done"]],
             ["fields.method:invalid_value", "fields.status:invalid_value"]),
            (["kind": "amend", "title": "t", "fields": ["person": "Jo", "madeOn": "2026-02-30"]], ["fields.madeOn:invalid_date"]),
            (["kind": "meeting", "title": "t", "fields": [String: Any]()], ["fields.date:required"]),
            (["kind": "meeting", "title": "t", "fields": ["date": "2026-1-5"]], ["fields.date:invalid_date"]),
            (["kind": "meeting", "title": "t", "fields": ["date": "2026-01-05", "name": String(repeating: "n", count: 201)]],
             ["fields.name:too_long"]),
        ]
        for (json, expected) in refused {
            let reply = try create(json)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(json): \(reply.bodyString)")
            #expect(reply.problems == expected, "\(json)")
        }
        let accepted = try create([
            "kind": "amend", "title": "t",
            "fields": ["person": String(repeating: "p", count: 200), "harm": String(repeating: "h", count: 10_000),
                       "status": NSNull(), "method": NSNull(), "madeOn": NSNull()],
        ])
        #expect(accepted.status == 201)
        #expect((try accepted.json()["fields"] as? [String: Any])?["status"] as? String == "planned")
    }

    @Test func keysAKindLacksAreUnknownFields() throws {
        let unknown: [([String: Any], [String])] = [
            (["kind": "journal", "title": "t", "fields": ["person": "Jo"]], ["fields.person:unknown_field"]),
            (["kind": "step_work", "title": "t", "step": 1, "fields": ["date": NSNull()]], ["fields.date:unknown_field"]),
            (["kind": "meeting", "title": "t", "fields": ["date": "2026-01-05", "person": "Jo"]], ["fields.person:unknown_field"]),
            (["kind": "amend", "title": "t", "fields": ["person": "Jo", "mood": "calm"]], ["fields.mood:unknown_field"]),
            (["kind": "journal", "title": "t", "ownerId": UUID().uuidString], ["ownerId:unknown_field"]),
            (["kind": "journal", "title": "t", "version": 7], ["version:unknown_field"]),
            (["kind": "journal", "title": "t", "id": UUID().uuidString], ["id:unknown_field"]),
            (["kind": "journal", "title": "t", "createdAt": "2020-01-01T00:00:00.000Z"], ["createdAt:unknown_field"]),
        ]
        for (json, expected) in unknown {
            let reply = try create(json)
            #expect(reply.status == 400 && reply.code == "unknown_field", "\(json): \(reply.bodyString)")
            #expect(reply.problems == expected, "\(json)")
        }
    }

    @Test func titlesAndBodiesAreCheckedInCharacters() throws {
        let refused: [([String: Any], [String])] = [
            (["kind": "journal"], ["title:required"]),
            (["kind": "journal", "title": " \t "], ["title:too_short"]),
            (["kind": "journal", "title": String(repeating: "t", count: 201)], ["title:too_long"]),
            // 200 user-perceived characters, 400 code points: PostgreSQL counts 400.
            (["kind": "journal", "title": String(repeating: "e\u{301}", count: 200)], ["title:too_long"]),
            (["kind": "journal", "title": "one\ntwo"], ["title:invalid_characters"]),
            (["kind": "journal", "title": "t", "body": String(repeating: "b", count: 100_001)], ["body:too_long"]),
            (["kind": "diary", "title": "t"], ["kind:invalid_value"]),
        ]
        for (json, expected) in refused {
            let reply = try create(json)
            #expect(reply.status == 422, "\(json): \(reply.bodyString)")
            if expected.first?.hasPrefix("kind") == false {
                #expect(reply.problems == expected, "\(json)")
            }
        }
        let emoji = try create(["kind": "journal", "title": "  " + String(repeating: "🙂", count: 200) + "  ",
                                "body": String(repeating: "ß", count: 100_000)])
        #expect(emoji.status == 201)
        #expect(try emoji.json()["title"] as? String == String(repeating: "🙂", count: 200))
    }

    @Test func nulIsRefusedAnywhere() throws {
        for json in [
            #"{"kind":"journal","title":"a\u0000b"}"#,
            #"{"kind":"journal","title":"t","body":"a\u0000b"}"#,
            #"{"kind":"amend","title":"t","fields":{"person":"J\u0000o"}}"#,
            #"{"kind":"meeting","title":"t","fields":{"date":"2026-01-05","name":"\u0000"}}"#,
        ] {
            let reply = try create(json)
            #expect(reply.status == 422, "\(json): \(reply.bodyString)")
        }
    }

    @Test func patchesChangeOnlyWhatTheyName() throws {
        let id = try scenario.entryId(of: owner, [
            "kind": "amend", "title": "Uncle", "body": "notes", "step": 9,
            "fields": ["person": "Uncle Joe", "status": "ready"],
        ])
        let patch = { (json: Any, version: Int) in
            try scenario.call("PATCH", "/v1/entries/\(id)", as: owner, json: json, headers: [("If-Match", "\"\(version)\"")])
        }

        let titled = try patch(["title": "Uncle J."], 1)
        #expect(titled.status == 200 && titled.header("ETag") == "\"2\"")
        let afterTitle = try titled.json()
        #expect(afterTitle["title"] as? String == "Uncle J." && afterTitle["body"] as? String == "notes")
        #expect(afterTitle["step"] as? Int == 9 && afterTitle["version"] as? Int == 2)
        #expect((afterTitle["fields"] as? [String: Any])?["status"] as? String == "ready")
        #expect((afterTitle["updatedAt"] as? String ?? "") >= (afterTitle["createdAt"] as? String ?? "~"))

        // An amend's `fields` are merged key by key: the status not sent stays.
        let replaced = try patch(["fields": ["person": "Joe"], "step": NSNull()], 2).json()
        let replacedFields = NSDictionary(dictionary: replaced["fields"] as? [String: Any] ?? [:])
        #expect(replacedFields.isEqual(to: Self.amendFields(["person": "Joe", "status": "ready"])))
        #expect(replaced["step"] is NSNull && replaced["title"] as? String == "Uncle J.")

        let refusals: [(Any, Int, String)] = [
            (["kind": "journal"], 400, "unknown_field"),
            (["version": 9], 400, "unknown_field"),
            (["fields": ["date": "2026-01-01"]], 400, "unknown_field"),
            (["title": NSNull()], 422, "validation_failed"),
            (["body": NSNull()], 422, "validation_failed"),
            (["fields": NSNull()], 422, "validation_failed"),
            (["title": ""], 422, "validation_failed"),
        ]
        for (json, status, code) in refusals {
            let reply = try patch(json, 3)
            #expect(reply.status == status && reply.code == code, "\(json): \(reply.bodyString)")
        }
        #expect(try scenario.version(of: id, as: owner) == 3)

        let stepWorkId = try scenario.entryId(of: owner, ["kind": "step_work", "title": "Step 1", "step": 1])
        let cleared = try scenario.call(
            "PATCH", "/v1/entries/\(stepWorkId)", as: owner, json: ["step": NSNull()], headers: [("If-Match", "\"1\"")])
        #expect(cleared.status == 422 && cleared.problems == ["step:required"])
    }

    @Test func patchesNeedTheCurrentVersion() throws {
        let id = try scenario.entryId(of: owner)
        let missing = try scenario.call("PATCH", "/v1/entries/\(id)", as: owner, json: ["title": "x"])
        #expect(missing.status == 428 && missing.code == "precondition_required")
        for tag in ["\"2\"", "\"0\"", "1", "W/\"1\"", "*", "\"1\", \"2\"", "garbage"] {
            let stale = try scenario.call(
                "PATCH", "/v1/entries/\(id)", as: owner, json: ["title": "x"], headers: [("If-Match", tag)])
            #expect(stale.status == 412 && stale.code == "version_conflict", "\(tag)")
        }
        let entry = try scenario.expect(200, "GET", "/v1/entries/\(id)", as: owner).json()
        #expect(entry["title"] as? String == "Today" && entry["version"] as? Int == 1)
        try scenario.expect(
            200, "PATCH", "/v1/entries/\(id)", as: owner, json: ["title": "x"], headers: [("If-Match", "\"1\"")])
    }

    @Test func deletingAnEntryTakesItsSharesAlong() throws {
        let sponsor = try scenario.register("Sponsor")
        let sponsorship = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
        let id = try scenario.entryId(of: owner)
        try scenario.share(id, through: sponsorship, access: "comment", as: owner)
        try scenario.expect(204, "DELETE", "/v1/entries/\(id)", as: owner)
        try scenario.expect(404, "GET", "/v1/entries/\(id)", as: owner)
        try scenario.expect(404, "DELETE", "/v1/entries/\(id)", as: owner)
        try #expect(scenario.expect(200, "GET", "/v1/shared", as: sponsor).items().isEmpty)
        let shares = try scenario.pool.query("SELECT count(*) AS n FROM stepwork.shares WHERE sponsorship_id = \(UUID(uuidString: sponsorship)!)")
        #expect(try shares[0].decode("n", as: Int.self) == 0)
    }
}
