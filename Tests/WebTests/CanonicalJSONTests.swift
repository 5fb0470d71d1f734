import Testing
@testable import Web

/// The canonical form that decides whether two request bodies are the same request.
@Suite struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: try JSONValue(parsing: Array(text.utf8)).canonicalBytes, as: UTF8.self)
    }

    @Test func membersAreSortedAndWhitespaceDropped() throws {
        #expect(try canonical(#" { "b" : [ 1 , {"z":null,"a":true} ], "a":"x" } "#) == #"{"a":"x","b":[1,{"a":true,"z":null}]}"#)
    }

    @Test func stringsKeepTheirTextWithMinimalEscapes() throws {
        #expect(try canonical(#""\u00e9\/\"\\\n\u0001""#) == "\"é/\\\"\\\\\\u000a\\u0001\"")
        #expect(try canonical(#""\u00e9""#) == canonical("\"é\""))
    }

    @Test func numbersStayAsWritten() throws {
        #expect(try canonical("[1, 1.0, -0.5e+3]") == "[1,1.0,-0.5e+3]")
    }

    @Test func keysSortByTheirBytes() throws {
        #expect(try canonical(#"{"é":1,"z":2,"Z":3,"a":4}"#) == #"{"Z":3,"a":4,"z":2,"é":1}"#)
    }
}
