@testable import Comments
import Foundation
import Testing

/// The thread's opaque cursor: exact round trips, and nothing else accepted.
@Suite struct CommentCursorTests {
    @Test(arguments: [Int64(0), 1, 1_795_613_268_705_328, 1 << 53])
    func aTokenGivesBackItsPositionToTheMicrosecond(_ micros: Int64) throws {
        let position = CommentPosition(createdAtMicros: micros, id: UUID())
        let token = CommentCursor.token(for: position)
        #expect(token.utf8.allSatisfy { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") })
        #expect(CommentCursor.position(from: token) == position)
    }

    @Test func anythingButATokenItMadeIsRefused() {
        func token(_ plain: String) -> String {
            String(Data(plain.utf8).base64EncodedString().map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }
                .filter { $0 != "=" })
        }
        let id = "0f8fad5b-d9cb-469f-a165-70867728950e"
        let valid = token("1795613268705328:\(id)")
        #expect(CommentCursor.position(from: valid) != nil)
        let refused = [
            "", valid + "=", valid + "A", String(valid.dropFirst()), "!" + valid,
            token("1795613268705328:\(id.uppercased())"),  // another spelling of the same position
            token("01795613268705328:\(id)"),
            token("+1795613268705328:\(id)"),
            token("-1:\(id)"),
            token("\((Int64(1) << 53) + 1):\(id)"),
            token("1795613268705328"),
            token("1795613268705328:\(id):x"),
            token("1795613268705328:not-a-uuid"),
            token("1.5:\(id)"),
            String(repeating: "A", count: 97),
        ]
        for text in refused {
            #expect(CommentCursor.position(from: text) == nil, "\(text)")
        }
    }
}
