import Foundation

extension UUID: PostgresCodable {
    /// `uuid`
    public static var postgresType: UInt32 { 2950 }
    public var postgresText: String? { uuidString }
    public init?(postgresText text: String) { self.init(bytesOf: text) }

    /// Reads the canonical form PostgreSQL writes, `8-4-4-4-12` hex digits (either case).
    public init?(postgresBytes text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &uuid) { bytes in
            var position = 0
            for index in 0..<16 {
                if index == 4 || index == 6 || index == 8 || index == 10 {
                    guard text[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                }
                guard let high = HexDigit.value(text[position]), let low = HexDigit.value(text[position + 1]) else { return false }
                bytes[index] = high << 4 | low
                position += 2
            }
            return true
        }
        guard valid else { return nil }
        self.init(uuid: uuid)
    }
}
