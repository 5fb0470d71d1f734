import Foundation
import Testing
import Web

/// The lists' opaque cursor: exact round trips to the microsecond, and nothing else accepted.
@Suite struct KeysetCursorTests {
    @Test(arguments: [Int64(0), 1, 1_795_613_268_705_328, 1 << 53])
    func aTokenGivesBackItsPositionToTheMicrosecond(_ micros: Int64) throws {
        let id = UUID()
        let token = KeysetCursor.token(micros: micros, id: id)
        #expect(token.utf8.allSatisfy { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") })
        let position = try #require(KeysetCursor.position(from: token))
        #expect(position.micros == micros && position.id == id)
    }

    @Test func anythingButATokenItMadeIsRefused() {
        func token(_ plain: String) -> String {
            String(Data(plain.utf8).base64EncodedString().map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }
                .filter { $0 != "=" })
        }
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e"
        let valid = token("1795613268705328:\(id)")
        #expect(KeysetCursor.position(from: valid) != nil)
        let refused = [
            "", "abc", valid + "=", valid + "A", String(valid.dropFirst()), "!" + valid,
            token("1795613268705328:\(id.uppercased())"),  // another spelling of the same position
            token("01795613268705328:\(id)"),
            token("+1795613268705328:\(id)"),
            token("-1:\(id)"),
            token("\((Int64(1) << 53) + 1):\(id)"),  // past 2^53 µs
            token("1795613268705328"),
            token("1795613268705328:\(id):x"),
            token("1795613268705328:not-a-uuid"),
            token("1.5:\(id)"),
            String(repeating: "A", count: 97),
        ]
        for text in refused {
            #expect(KeysetCursor.position(from: text) == nil, "\(text)")
        }
    }
}
