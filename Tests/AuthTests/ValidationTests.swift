import Foundation
import Postgres
import Testing
@testable import Auth

@Suite struct ValidationTests {
    @Test func emailIsTrimmedAndLowerCased() throws {
        #expect(try EmailAddress(validating: "  Ann.Smith@Example.ORG \n").value == "ann.smith@example.org")
    }

    @Test(arguments: ["", "   ", "no-at-sign", "@example.org", "ann@", "a@b@c", "ann smith@example.org", "ann@exa\u{0}mple.org"])
    func malformedEmailsAreRefused(_ raw: String) {
        #expect(throws: FieldProblem.self) { try EmailAddress(validating: raw) }
    }

    @Test func emailLengthLimitIs254Characters() throws {
        let domain = "@example.org"
        let longest = String(repeating: "a", count: 254 - domain.count) + domain
        #expect(try EmailAddress(validating: longest).value == longest)
        #expect(throws: FieldProblem.tooLong(254)) { try EmailAddress(validating: "a" + longest) }
    }

    @Test func passwordLengthCountsUnicodeCharacters() throws {
        let emoji = "\u{1F510}"  // beyond the BMP: 2 UTF-16 units, 4 UTF-8 bytes, one character
        #expect(try Password(validating: String(repeating: emoji, count: 1024)).value.unicodeScalars.count == 1024)
        #expect(try Password(validating: String(repeating: emoji, count: 12)).value.unicodeScalars.count == 12)
        #expect(throws: FieldProblem.tooLong(1024)) { try Password(validating: String(repeating: emoji, count: 1025)) }
        #expect(throws: FieldProblem.tooShort(12)) { try Password(validating: String(repeating: emoji, count: 11)) }
    }

    @Test func passwordIsKeptExactlyAsReceived() throws {
        let raw = "  spaces kept \u{00E9}e\u{0301}  "
        #expect(try Password(validating: raw).value.unicodeScalars.elementsEqual(raw.unicodeScalars))
    }

    @Test func displayNameIsTrimmedAndBounded() throws {
        #expect(try DisplayName(validating: "  Ann S. \t").value == "Ann S.")
        #expect(try DisplayName(validating: String(repeating: "é", count: 80)).value.count == 80)
        #expect(throws: FieldProblem.tooShort(1)) { try DisplayName(validating: " \n ") }
        #expect(throws: FieldProblem.tooLong(80)) { try DisplayName(validating: String(repeating: "x", count: 81)) }
    }

    @Test func sobrietyDateMayBeTodayAnywhereButNotLater() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z, already the 19th at UTC+14
        #expect(try SobrietyDate(validating: CalendarDate("2026-11-18")!, now: now).value.description == "2026-11-18")
        #expect(try SobrietyDate(validating: CalendarDate("2026-11-19")!, now: now).value.description == "2026-11-19")
        #expect(throws: FieldProblem.self) { try SobrietyDate(validating: CalendarDate("2026-11-20")!, now: now) }
    }

    @Test(arguments: ["Ann\u{0}", "Ann\nSmith", "Ann\u{7F}", "Ann\u{85}x", "Ann\u{2028}Smith"])
    func displayNameRefusesControlCharacters(_ raw: String) {
        #expect(throws: FieldProblem.self) { try DisplayName(validating: raw) }
    }

    @Test func fieldErrorsListEveryBadField() {
        var errors = FieldErrors()
        _ = errors.check("email", "nope", EmailAddress.init(validating:))
        _ = errors.check("password", "short", Password.init(validating:))
        _ = errors.check("displayName", "Ann", DisplayName.init(validating:))
        _ = errors.check("missing", nil as String?, DisplayName.init(validating:))
        #expect(errors.errors.map(\.field) == ["email", "password", "missing"])
        #expect(errors.errors.map(\.code) == ["invalid", "too_short", "required"])
    }
}
