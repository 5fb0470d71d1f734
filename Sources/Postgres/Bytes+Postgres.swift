extension Array: PostgresEncodable where Element == UInt8 {
    /// `bytea`
    public static var postgresType: UInt32 { 17 }

    /// The hex format, `\x0a1b…`.
    public var postgresText: String? {
        let digits = Array<UInt8>("0123456789abcdef".utf8)
        var text = [UInt8](repeating: 0, count: 2 + 2 * count)
        text[0] = UInt8(ascii: "\\")
        text[1] = UInt8(ascii: "x")
        for (index, byte) in enumerated() {
            text[2 + 2 * index] = digits[Int(byte >> 4)]
            text[3 + 2 * index] = digits[Int(byte & 0x0F)]
        }
        return String(decoding: text, as: UTF8.self)
    }
}

extension Array: PostgresDecodable where Element == UInt8 {
    /// Reads the hex format, PostgreSQL's default `bytea_output`.
    public init?(postgresText text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0, utf8.starts(with: "\\x".utf8) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2 - 1)
        var index = 2
        while index < utf8.count {
            guard let high = Self.hexValue(utf8[index]), let low = Self.hexValue(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        self = bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
