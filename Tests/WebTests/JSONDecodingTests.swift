import Foundation
import Testing
@testable import Web

private struct Person: Codable, Equatable, Sendable {
    var name: String
    var age: Int
    var nickname: String?
    var address: Address?
    var pets: [Pet]?
}

private struct Address: Codable, Equatable, Sendable {
    var city: String
}

private struct Pet: Codable, Equatable, Sendable {
    var kind: Kind
    enum Kind: String, Codable, Sendable { case cat, dog }
}

private struct Empty: Codable, Equatable, Sendable {}

private struct Flags: Codable, Equatable, Sendable {
    var on: Bool
    var ratio: Double?
    var small: UInt8?
}

/// A hand-written `init(from:)` reading only `a`, with a nested keyed container.
private struct Manual: Decodable {
    var a: Int
    var inner: Int
    enum Keys: String, CodingKey { case a, nested, b }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        a = try container.decode(Int.self, forKey: .a)
        inner = try container.nestedContainer(keyedBy: Keys.self, forKey: .nested).decode(Int.self, forKey: .b)
    }
}

private struct Envelope: Decodable {
    var kind: String
    var fields: JSONValue
}

private struct ProfilePatch: Decodable {
    var displayName: PatchField<String>
    var sobrietyDate: PatchField<String>
}

private struct Stamped: Decodable { var at: Date }

@Suite struct JSONDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String, at path: String? = nil) throws -> T {
        try JSONValue(parsing: Array(text.utf8)).decode(type, at: path)
    }

    /// The `HTTPError` that decoding `text` throws.
    private func failure<T: Decodable>(_ type: T.Type, _ text: String, at path: String? = nil) throws -> HTTPError {
        let error = #expect(throws: HTTPError.self) { try decode(type, text, at: path) }
        return try #require(error)
    }

    private func pairs(_ error: HTTPError) -> [[String]] { error.errors.map { [$0.field, $0.code] } }

    @Test func decodesKnownFields() throws {
        let person = try decode(Person.self, #"{"name":"Ann","age":40,"nickname":null,"address":{"city":"Oslo"},"pets":[{"kind":"cat"}]}"#)
        #expect(person == Person(name: "Ann", age: 40, nickname: nil, address: Address(city: "Oslo"), pets: [Pet(kind: .cat)]))
    }

    @Test func unknownTopLevelFieldIsRejected() throws {
        let error = try failure(Person.self, #"{"name":"Ann","age":40,"id":"x","ownerId":"y"}"#)
        #expect(error.status.code == 400)
        #expect(error.code == "unknown_field")
        #expect(pairs(error) == [["id", "unknown_field"], ["ownerId", "unknown_field"]])
    }

    @Test func unknownNestedFieldsAreRejectedWithTheirPath() throws {
        let nested = try failure(Person.self, #"{"name":"Ann","age":40,"address":{"city":"Oslo","zip":"1"}}"#)
        #expect(pairs(nested) == [["address.zip", "unknown_field"]])
        let inArray = try failure(Person.self, #"{"name":"Ann","age":40,"pets":[{"kind":"cat"},{"kind":"dog","name":"Rex"}]}"#)
        #expect(pairs(inArray) == [["pets[1].name", "unknown_field"]])
        let manual = try failure(Manual.self, #"{"a":1,"nested":{"b":2,"c":3}}"#)
        #expect(pairs(manual) == [["nested.c", "unknown_field"]])
    }

    @Test func keysNamedButNeverReadAreUnknown() throws {
        let error = try failure(Manual.self, #"{"a":1,"b":5,"nested":{"b":2}}"#)
        #expect(pairs(error) == [["b", "unknown_field"]])
    }

    @Test func unknownFieldWinsOverAValidationProblem() throws {
        let error = try failure(Person.self, #"{"name":5,"age":40,"version":3}"#)
        #expect(error.code == "unknown_field")
        #expect(pairs(error) == [["version", "unknown_field"]])
    }

    @Test func emptyTypeTakesOnlyAnEmptyObject() throws {
        #expect(try decode(Empty.self, "{}") == Empty())
        #expect(pairs(try failure(Empty.self, #"{"x":1}"#)) == [["x", "unknown_field"]])
        #expect(pairs(try failure(Empty.self, "5")) == [["", "invalid_type"]])
    }

    @Test func missingAndNullRequiredFieldsAreNamed() throws {
        let missing = try failure(Person.self, #"{"name":"Ann"}"#)
        #expect(missing.status.code == 422)
        #expect(missing.code == "validation_failed")
        #expect(pairs(missing) == [["age", "required"]])
        #expect(pairs(try failure(Person.self, #"{"name":null,"age":1}"#)) == [["name", "required"]])
        #expect(pairs(try failure(Person.self, #"{"name":"A","age":1,"address":{}}"#)) == [["address.city", "required"]])
    }

    @Test(arguments: [
        (#"{"name":"A","age":"40"}"#, "age"), (#"{"name":"A","age":40.5}"#, "age"), (#"{"name":"A","age":true}"#, "age"),
        (#"{"name":"A","age":1.5e0}"#, "age"), (#"{"name":"A","age":99999999999999999999}"#, "age"),
        (#"{"name":1,"age":1}"#, "name"), (#"{"name":"A","age":1,"address":"Oslo"}"#, "address"),
        (#"{"name":"A","age":1,"pets":{"kind":"cat"}}"#, "pets"), (#"{"name":"A","age":1,"pets":[5]}"#, "pets[0]"),
    ])
    func wrongTypesAreNamed(text: String, field: String) throws {
        let error = try failure(Person.self, text)
        #expect(error.status.code == 422)
        #expect(pairs(error) == [[field, "invalid_type"]])
    }

    @Test func booleansAndNumbersDoNotMix() throws {
        #expect(pairs(try failure(Flags.self, #"{"on":1}"#)) == [["on", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":"true"}"#)) == [["on", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":true,"ratio":false}"#)) == [["ratio", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":true,"small":256}"#)) == [["small", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":true,"ratio":1e400}"#)) == [["ratio", "invalid_type"]])
        #expect(try decode(Flags.self, #"{"on":false,"ratio":1,"small":255}"#) == Flags(on: false, ratio: 1, small: 255))
    }

    @Test func integersMayBeWrittenWithAPointOrExponent() throws {
        #expect(try decode(Flags.self, #"{"on":true,"small":10.0}"#).small == 10)
        #expect(try decode(Flags.self, #"{"on":true,"small":1e1}"#).small == 10)
        #expect(try decode(Flags.self, #"{"on":true,"small":-0.0e3}"#).small == 0)
        #expect(pairs(try failure(Flags.self, #"{"on":true,"small":10.5}"#)) == [["small", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":true,"small":2.56e2}"#)) == [["small", "invalid_type"]])
        #expect(pairs(try failure(Flags.self, #"{"on":true,"small":1e300}"#)) == [["small", "invalid_type"]])
    }

    @Test func valueOutsideAnEnumIsInvalid() throws {
        let error = try failure(Person.self, #"{"name":"A","age":1,"pets":[{"kind":"horse"}]}"#)
        #expect(pairs(error) == [["pets[0].kind", "invalid_value"]])
        #expect(error.errors[0].message == "has an invalid value")
    }

    @Test func nulCharacterIsRefused() throws {
        let error = try failure(Person.self, #"{"name":"A\u0000B","age":1}"#)
        #expect(error.status.code == 422)
        #expect(pairs(error) == [["name", "invalid_characters"]])
    }

    @Test func patchFieldTellsAbsentFromNull() throws {
        let cleared = try decode(ProfilePatch.self, #"{"sobrietyDate":null}"#)
        #expect(cleared.sobrietyDate == .null)
        #expect(cleared.displayName == .absent)
        let set = try decode(ProfilePatch.self, #"{"sobrietyDate":"2020-01-02","displayName":"Bo"}"#)
        #expect(set.sobrietyDate == .value("2020-01-02"))
        #expect(set.displayName.applied(to: "Al") == "Bo")
        #expect(cleared.displayName.applied(to: "Al") == "Al")
        #expect(cleared.sobrietyDate.applied(to: "2019-01-01") == nil)
        #expect(pairs(try failure(ProfilePatch.self, #"{"sobrietyDate":5}"#)) == [["sobrietyDate", "invalid_type"]])
        #expect(pairs(try failure(ProfilePatch.self, #"{"other":5}"#)) == [["other", "unknown_field"]])
    }

    @Test func rawValueIsKeptForLaterDecodingWithAPathPrefix() throws {
        let envelope = try decode(Envelope.self, #"{"kind":"amend","fields":{"city":"Oslo","extra":true}}"#)
        #expect(envelope.fields == .object(["city": .string("Oslo"), "extra": .bool(true)]))
        let error = #expect(throws: HTTPError.self) { try envelope.fields.decode(Address.self, at: "fields") }
        #expect(error.map(pairs) == [["fields.extra", "unknown_field"]])
        let missing = #expect(throws: HTTPError.self) { try JSONValue.object([:]).decode(Address.self, at: "fields") }
        #expect(missing.map(pairs) == [["fields.city", "required"]])
    }

    @Test func datesAreRFC3339() throws {
        let stamped = try decode(Stamped.self, #"{"at":"2026-11-25T12:00:00.123Z"}"#)
        #expect(RFC3339Timestamp.string(from: stamped.at) == "2026-11-25T12:00:00.123Z")
        #expect(pairs(try failure(Stamped.self, #"{"at":"yesterday"}"#)) == [["at", "invalid_value"]])
        #expect(pairs(try failure(Stamped.self, #"{"at":1795608000}"#)) == [["at", "invalid_type"]])
    }

    @Test func dictionariesAcceptAnyKey() throws {
        #expect(try decode([String: Int].self, #"{"x":1,"y":2}"#) == ["x": 1, "y": 2])
    }

    @Test func jsonValueRoundTripsThroughFoundation() throws {
        let value = try JSONValue(parsing: Array(#"{"a":[1,2.5,"s",null,true],"b":{}}"#.utf8))
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == .object([
            "a": .array([.number("1"), .number("2.5"), .string("s"), .null, .bool(true)]), "b": .object([:]),
        ]))
    }
}
