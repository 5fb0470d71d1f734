import Foundation
import Postgres
import TestSupport
import Testing

/// The amend model of API.md 1.1: every field, its checks, PATCH merging key by key, the rule
/// that `madeOn` goes with `made`, and the schema's constraints behind them.
@Suite struct AmendTests {
    let scenario: Scenario
    let owner: User

    init() throws {
        scenario = try Scenario()
        owner = try scenario.register("Owner")
    }

    func create(_ fields: Any) throws -> TestHTTPResponse {
        try scenario.call("POST", "/v1/entries", as: owner, json: ["kind": "amend", "title": "Amend", "fields": fields])
    }

    func patch(_ id: String, _ json: Any, version: Int) throws -> TestHTTPResponse {
        try scenario.call("PATCH", "/v1/entries/\(id)", as: owner, json: json, headers: [("If-Match", "\"\(version)\"")])
    }

    func fields(of reply: TestHTTPResponse) throws -> NSDictionary {
        NSDictionary(dictionary: try #require(try reply.json()["fields"] as? [String: Any]))
    }


    static var everyField: [String: Any] { [
        "person": "Maria", "relationship": "former employer", "harm": "Took cash from the till.",
        "plan": "Say what I did, offer to repay.", "restitution": "$340, in monthly payments",
        "method": "unsent_letter", "status": "made", "riskToOthers": "possible", "riskNotes": "Her new job.",
        "madeOn": "2026-10-02", "outcome": "She listened.", "response": "accepted", "revisitOn": "2027-01-15",
    ] }

    @Test func everyFieldIsWrittenAndReadBack() throws {
        let reply = try create(Self.everyField)
        #expect(reply.status == 201, "\(reply.bodyString)")
        #expect(try fields(of: reply).isEqual(to: Self.everyField))
        let id = try #require(try reply.json()["id"] as? String)
        let read = try scenario.expect(200, "GET", "/v1/entries/\(id)", as: owner)
        #expect(try fields(of: read).isEqual(to: Self.everyField))
        for method in ["in_person", "phone", "message", "letter", "unsent_letter", "indirect", "living"] {
            #expect(try create(["person": "P", "method": method]).status == 201, "\(method)")
        }
        for status in ["not_yet_willing", "planned", "ready", "deferred", "not_advisable"] {
            #expect(try create(["person": "P", "status": status]).status == 201, "\(status)")
        }
        for risk in ["none", "possible", "likely"] {
            #expect(try create(["person": "P", "riskToOthers": risk]).status == 201, "\(risk)")
        }
        for response in ["accepted", "declined", "no_response", "not_asked"] {
            #expect(try create(["person": "P", "response": response]).status == 201, "\(response)")
        }
    }

    @Test func eachNewFieldIsCheckedAndNamed() throws {
        let long = String(repeating: "x", count: 10_001)
        let refused: [([String: Any], [String])] = [
            (["person": "P", "relationship": String(repeating: "r", count: 201)], ["fields.relationship:too_long"]),
            (["person": "P", "relationship": "brother\nin law"], ["fields.relationship:invalid_characters"]),
            (["person": "P", "restitution": long, "riskNotes": long, "outcome": long],
             ["fields.restitution:too_long", "fields.riskNotes:too_long", "fields.outcome:too_long"]),
            (["person": "P", "method": "email"], ["fields.method:invalid_value"]),
            (["person": "P", "status": "willing"], ["fields.status:invalid_value"]),
            (["person": "P", "riskToOthers": "high"], ["fields.riskToOthers:invalid_value"]),
            (["person": "P", "response": "ignored"], ["fields.response:invalid_value"]),
            (["person": "P", "revisitOn": "2027-02-29"], ["fields.revisitOn:invalid_date"]),
            (["person": "P", "status": "made"], ["fields.madeOn:required"]),
            (["person": "P", "status": "made", "madeOn": NSNull()], ["fields.madeOn:required"]),
            (["person": "P", "madeOn": "2026-10-02"], ["fields.madeOn:not_allowed"]),
            (["person": "P", "status": "deferred", "madeOn": "2026-10-02"], ["fields.madeOn:not_allowed"]),
            // A bad date or status is its own problem, not also the pairing's.
            (["person": "P", "status": "made", "madeOn": "2026-13-01"], ["fields.madeOn:invalid_date"]),
            (["person": "P", "status": "done", "madeOn": "2026-10-01"], ["fields.status:invalid_value"]),
        ]
        for (fields, expected) in refused {
            let reply = try create(fields)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(fields): \(reply.bodyString)")
            #expect(reply.problems == expected, "\(fields)")
        }
        for wrongType: [String: Any] in [["person": 7], ["person": "P", "riskToOthers": true], ["person": "P", "revisitOn": 20270101]] {
            let reply = try create(wrongType)
            #expect(reply.status == 422 && reply.code == "validation_failed", "\(wrongType): \(reply.bodyString)")
        }
        let limits = try create([
            "person": "P", "relationship": String(repeating: "r", count: 200),
            "restitution": String(repeating: "x", count: 10_000), "riskNotes": NSNull(), "riskToOthers": NSNull(),
        ])
        #expect(limits.status == 201, "\(limits.bodyString)")
    }

    @Test func patchMergesFieldsKeyByKeyAndNullClears() throws {
        let id = try scenario.entryId(of: owner, ["kind": "amend", "title": "Maria", "fields": [
            "person": "Maria", "relationship": "former employer", "method": "letter", "status": "ready",
            "riskToOthers": "none",
        ]])
        var expected = EntryValidationTests.amendFields([
            "person": "Maria", "relationship": "former employer", "method": "letter", "status": "ready",
            "riskToOthers": "none",
        ])

        let planned = try patch(id, ["fields": ["plan": "Meet at the shop", "relationship": NSNull()]], version: 1)
        #expect(planned.status == 200, "\(planned.bodyString)")
        expected["plan"] = "Meet at the shop"
        expected["relationship"] = NSNull()
        #expect(try fields(of: planned).isEqual(to: expected))

        // Made needs madeOn, on the merged result …
        let noDate = try patch(id, ["fields": ["status": "made"]], version: 2)
        #expect(noDate.status == 422 && noDate.problems == ["fields.madeOn:required"])
        let made = try patch(id, ["fields": ["status": "made", "madeOn": "2026-11-20", "outcome": "Went well"]], version: 2)
        #expect(made.status == 200, "\(made.bodyString)")
        // … and moving back needs `"madeOn": null` too; a refused PATCH changes nothing.
        let back = try patch(id, ["fields": ["status": "deferred"]], version: 3)
        #expect(back.status == 422 && back.problems == ["fields.madeOn:not_allowed"])
        #expect(try scenario.version(of: id, as: owner) == 3)
        let deferred = try patch(id, ["fields": ["status": "deferred", "madeOn": NSNull(), "revisitOn": "2027-03-01"]], version: 3)
        #expect(deferred.status == 200, "\(deferred.bodyString)")
        expected.merge(["status": "deferred", "outcome": "Went well", "revisitOn": "2027-03-01"]) { $1 }
        #expect(try fields(of: deferred).isEqual(to: expected))

        // The person cannot be cleared; `fields: {}` changes nothing but the version.
        let noPerson = try patch(id, ["fields": ["person": NSNull()]], version: 4)
        #expect(noPerson.status == 422 && noPerson.problems == ["fields.person:required"])
        let empty = try patch(id, ["fields": [String: Any]()], version: 4)
        try #expect(empty.status == 200 && fields(of: empty).isEqual(to: expected))
        #expect(try patch(id, ["fields": ["mood": "calm"]], version: 5).code == "unknown_field")
    }

    /// Other kinds keep today's rule: a meeting's `fields` are replaced whole.
    @Test func aMeetingsFieldsAreStillReplacedWhole() throws {
        let id = try scenario.entryId(of: owner, ["kind": "meeting", "title": "Home group",
                                                  "fields": ["date": "2026-11-24", "name": "Home group"]])
        let reply = try patch(id, ["fields": ["date": "2026-11-25"]], version: 1)
        #expect(try fields(of: reply).isEqual(to: ["date": "2026-11-25", "name": NSNull()]))
    }

    /// An amend stored by the previous version (six keys, none of the new ones) reads with
    /// every key and takes a merging PATCH.
    @Test func anAmendOfThePreviousShapeKeepsWorking() throws {
        let rows = try scenario.pool.query("""
            INSERT INTO stepwork.entries (owner_id, kind, title, fields)
            VALUES (\(owner.id)::uuid, 'amend', 'Dan', '{"person": "Dan", "harm": "Missed his wedding", "plan": null,
                    "method": "in_person", "status": "planned", "madeOn": null}')
            RETURNING id
            """)
        let id: UUID = try rows[0].decode("id")
        let read = try scenario.expect(200, "GET", "/v1/entries/\(id)", as: owner)
        #expect(try fields(of: read).isEqual(to: EntryValidationTests.amendFields([
            "person": "Dan", "harm": "Missed his wedding", "method": "in_person",
        ])))
        let patched = try patch(id.uuidString, ["fields": ["riskToOthers": "none"]], version: 1)
        #expect(try fields(of: patched).isEqual(to: EntryValidationTests.amendFields([
            "person": "Dan", "harm": "Missed his wedding", "method": "in_person", "riskToOthers": "none",
        ])))
    }

    /// Each rule is the schema's too: a write that skips the validator is refused by a CHECK.
    @Test(arguments: [
        (#"{"person": "P", "status": "planned", "mood": "calm"}"#, "entries_amend_keys_check"),
        (#"{"status": "planned"}"#, "entries_amend_person_check"),
        (#"{"person": "", "status": "planned"}"#, "entries_amend_person_check"),
        (#"{"person": 7, "status": "planned"}"#, "entries_amend_person_check"),
        (#"{"person": "P", "status": "planned", "relationship": "\#(String(repeating: "r", count: 201))"}"#,
         "entries_amend_relationship_check"),
        (#"{"person": "P", "status": "planned", "outcome": "\#(String(repeating: "o", count: 10_001))"}"#,
         "entries_amend_texts_check"),
        (#"{"person": "P", "status": "planned", "harm": 3}"#, "entries_amend_texts_check"),
        (#"{"person": "P", "status": "planned", "method": "fax"}"#, "entries_amend_method_check"),
        (#"{"person": "P"}"#, "entries_amend_status_check"),
        (#"{"person": "P", "status": "done"}"#, "entries_amend_status_check"),
        (#"{"person": "P", "status": "planned", "riskToOthers": "high"}"#, "entries_amend_risk_check"),
        (#"{"person": "P", "status": "planned", "response": "ignored"}"#, "entries_amend_response_check"),
        (#"{"person": "P", "status": "planned", "revisitOn": "2027-02-29"}"#, "entries_amend_dates_check"),
        (#"{"person": "P", "status": "made", "madeOn": "2026-1-1"}"#, "entries_amend_dates_check"),
        (#"{"person": "P", "status": "made"}"#, "entries_amend_made_on_check"),
        (#"{"person": "P", "status": "ready", "madeOn": "2026-01-01"}"#, "entries_amend_made_on_check"),
    ])
    func theSchemaRefusesWhatTheValidatorRefuses(_ fields: String, _ constraint: String) throws {
        do {
            try scenario.pool.execute("""
                INSERT INTO stepwork.entries (owner_id, kind, title, fields)
                VALUES (\(owner.id)::uuid, 'amend', 'Amend', \(fields)::jsonb)
                """)
            Issue.record("stored: \(fields)")
        } catch let error as PostgresError {
            #expect(error.sqlState == "23514" && error.constraint == constraint, "\(error)")
        }
        // Other kinds are not held to the amend's rules.
        try scenario.pool.execute("""
            INSERT INTO stepwork.entries (owner_id, kind, title, fields)
            VALUES (\(owner.id)::uuid, 'journal', 'Day', '{"status": "made"}')
            """)
    }
}
