import Testing
@testable import Entries

@Suite struct EntryVersionTagTests {
    @Test func aStrongTagOfDigitsNamesAVersion() {
        #expect(EntryVersionTag.header(for: 7) == "\"7\"")
        #expect(EntryVersionTag.version(fromIfMatch: "\"7\"") == 7)
        #expect(EntryVersionTag.version(fromIfMatch: " \"12\" ") == 12)
    }

    @Test func anythingElseNamesNone() {
        for value in ["7", "W/\"7\"", "*", "\"7\", \"8\"", "\"\"", "\"-1\"", "\"7x\"", "\"99999999999\"", "\""] {
            #expect(EntryVersionTag.version(fromIfMatch: value) == nil, "\(value)")
        }
    }
}
