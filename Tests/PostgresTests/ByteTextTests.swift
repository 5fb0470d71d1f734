import Foundation
import Postgres
import Testing

/// The text forms decoded straight from libpq's bytes: `uuid` and `bytea` (hex).
@Suite struct ByteTextTests {
    @Test func uuidsInEitherCase() {
        let uuid = UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")
        #expect(UUID(postgresText: "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11") == uuid)
        #expect(UUID(postgresText: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11") == uuid)
        for _ in 0..<100 {
            let random = UUID()
            #expect(UUID(postgresText: random.uuidString.lowercased()) == random)
        }
    }

    @Test(arguments: [
        "", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111",
        "a0eebc999c0b-4ef8-bb6d-6bb9bd380a11-", "a0eebc99-9c0b-4ef8-bb6d_6bb9bd380a11",
        "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1}",
        "a0eebc99 9c0b-4ef8-bb6d-6bb9bd380a11",
    ])
    func malformedUUIDsAreRefused(_ text: String) {
        #expect(UUID(postgresText: text) == nil)
    }

    @Test func hexBytes() {
        #expect([UInt8](postgresText: "\\x") == [])
        #expect([UInt8](postgresText: "\\x00ff0A7f") == [0x00, 0xff, 0x0a, 0x7f])
        let all = Array(UInt8.min...UInt8.max)
        #expect([UInt8](postgresText: all.postgresText ?? "") == all)
    }

    @Test(arguments: ["", "\\", "x00", "\\x0", "\\x0g", "\\y00", "\\x 0", "00"])
    func malformedHexIsRefused(_ text: String) {
        #expect([UInt8](postgresText: text) == nil)
    }
}
