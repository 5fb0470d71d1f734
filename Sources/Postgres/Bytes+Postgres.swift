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
        self.init(bytesOf: text)
    }

    /// Reads the hex format, `\x0a1b…`, straight from the field.
    public init?(postgresBytes hex: UnsafeBufferPointer<UInt8>) {
        guard hex.count >= 2, hex.count % 2 == 0, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x") else { return nil }
        var valid = true
        self.init(unsafeUninitializedCapacity: hex.count / 2 - 1) { bytes, initialized in
            for index in 0..<bytes.count {
                guard let high = HexDigit.value(hex[2 + 2 * index]), let low = HexDigit.value(hex[3 + 2 * index]) else {
                    valid = false
                    return
                }
                bytes[index] = high << 4 | low
                initialized = index + 1
            }
        }
        guard valid else { return nil }
    }
}
