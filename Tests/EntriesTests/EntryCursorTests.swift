import Foundation
import Permissions
import Testing
@testable import Entries

@Suite struct EntryCursorTests {
    let position = EntryPosition(
        updatedAtMicros: 1_764_072_000_123_457, id: UUID(uuidString: "3e3c1eca-7955-9a17-3183-d370cad407b5")!)

    @Test func aTokenReadsBackAsItsPosition() {
        let token = EntryCursor.token(for: position)
        #expect(token.utf8.allSatisfy { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") })
        #expect(EntryCursor.position(from: token) == position)
        #expect(EntryCursor.position(from: EntryCursor.token(for: .start)) == .start)
    }

    @Test func tokensThisServerDidNotMakeAreRefused() {
        let token = EntryCursor.token(for: position)
        let base64url = { (text: String) in
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        }
        let refused = [
            "", "abc", token + "=", token + "A", String(token.dropLast()), "!" + token,
            base64url("1764072000123457:3E3C1ECA-7955-9A17-3183-D370CAD407B5"),  // not the canonical spelling
            base64url("01764072000123457:3e3c1eca-7955-9a17-3183-d370cad407b5"),
            base64url("-1:3e3c1eca-7955-9a17-3183-d370cad407b5"),
            base64url("9007199254740993:3e3c1eca-7955-9a17-3183-d370cad407b5"),  // past 2^53 µs
            base64url("1764072000123457"), base64url("1764072000123457:3e3c1eca"),
            String(repeating: "A", count: 200),
        ]
        for token in refused {
            #expect(EntryCursor.position(from: token) == nil, "\(token)")
        }
    }
}
