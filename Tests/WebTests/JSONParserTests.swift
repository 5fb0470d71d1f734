import Testing
@testable import Web

@Suite struct JSONParserTests {
    private func parse(_ text: String, maxDepth: Int = 32) throws(JSONParseError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8), maxDepth: maxDepth)
    }

    @Test func parsesEveryKind() throws {
        let value = try parse(#" {"a": [1, -0.5e+3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {}} "#)
        #expect(value == .object([
            "a": .array([.number("1"), .number("-0.5e+3"), .bool(true), .bool(false), .null]),
            "b": .string("x\"\\/\u{8}\u{c}\n\r\té😀"),
            "c": .object([:]),
        ]))
        #expect(try parse("\"caf\u{e9}\"") == .string("café"))
        #expect(try parse("0") == .number("0"))
    }

    @Test(arguments: [
        ("", JSONParseError.Reason.unexpectedEnd), ("{", .unexpectedEnd), ("{\"a\":1,}", .unexpectedCharacter),
        ("[1,]", .unexpectedCharacter), ("{'a':1}", .unexpectedCharacter), ("{\"a\":1} x", .trailingContent),
        ("01", .invalidNumber), ("1.", .unexpectedEnd), ("-", .unexpectedEnd), (".5", .unexpectedCharacter),
        ("1e", .unexpectedEnd), ("NaN", .unexpectedCharacter), ("tru", .unexpectedEnd), ("nul!", .unexpectedCharacter),
        ("\"a\tb\"", .controlCharacter), ("\"\\x\"", .invalidEscape), ("\"\\u12G4\"", .invalidEscape),
        ("\"\\ud800\"", .invalidUnicode), ("\"\\udc00\"", .invalidUnicode), ("\"\\ud800\\u0041\"", .invalidUnicode),
        ("{\"a\":1,\"a\":2}", .duplicateKey), ("\u{FEFF}{}", .unexpectedCharacter), ("/* */{}", .unexpectedCharacter),
        ("\"abc", .unexpectedEnd),
    ])
    func refuses(text: String, reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try parse(text) }
        do { _ = try parse(text) } catch { #expect(error.reason == reason) }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xFF, 0x22]] {
            #expect(throws: JSONParseError(reason: .invalidUnicode, offset: 0)) { try JSONValue(parsing: bytes) }
        }
    }

    @Test func boundsNesting() throws {
        let deepest = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect(try parse(deepest) != .null)
        let tooDeep = String(repeating: "[", count: 33) + String(repeating: "]", count: 33)
        #expect(throws: JSONParseError.self) { try parse(tooDeep) }
        let objects = String(repeating: "{\"a\":", count: 33) + "1" + String(repeating: "}", count: 33)
        do { _ = try parse(objects) } catch { #expect(error.reason == .tooDeep) }
        // Far deeper than any stack could recurse: refused at the bound, not a crash.
        #expect(throws: JSONParseError.self) { try parse(String(repeating: "[", count: 1_000_000)) }
    }

    @Test func describesWhereAndWhat() {
        do { _ = try parse("[1, x]") } catch {
            #expect(error.description == "Invalid JSON at byte 4: unexpected character.")
        }
    }
}
