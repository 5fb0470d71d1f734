@testable import Comments
import Testing
import Web

/// The comment body's rules: trimmed, 1–10,000 Unicode scalars, as PostgreSQL counts them.
@Suite struct CommentBodyTests {
    @Test func theBodyIsStoredTrimmed() throws {
        #expect(try CommentBody(validating: " \n\tWell done.\u{2003}\n").text == "Well done.")
        #expect(try CommentBody(validating: "Line one\n\nLine two").text == "Line one\n\nLine two")
    }

    @Test(arguments: ["", " ", "\n\t \r\n", "\u{2003}\u{00A0}"])
    func nothingButWhitespaceIsTooShort(_ raw: String) {
        #expect(problem(raw) == "too_short")
    }

    @Test func lengthIsCountedInUnicodeScalarsAfterTrimming() throws {
        #expect(try CommentBody(validating: String(repeating: "x", count: 10_000)).text.count == 10_000)
        #expect(try CommentBody(validating: "  " + String(repeating: "x", count: 10_000) + "  ").text.count == 10_000)
        #expect(problem(String(repeating: "x", count: 10_001)) == "too_long")
        // An emoji beyond the Basic Multilingual Plane is one scalar, as for `char_length`.
        #expect(try CommentBody(validating: String(repeating: "🙏", count: 10_000)).text.unicodeScalars.count == 10_000)
        // A flag is one Character but two scalars: 5,001 of them are 10,002 characters to PostgreSQL.
        #expect(problem(String(repeating: "🇳🇿", count: 5_001)) == "too_long")
    }

    private func problem(_ raw: String) -> String? {
        do {
            _ = try CommentBody(validating: raw)
            return nil
        } catch {
            #expect(error.status.code == 422 && error.code == "validation_failed")
            return error.errors.first.map { "\($0.code)" }
        }
    }
}
