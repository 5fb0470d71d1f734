import HTTPServer

/// The id that ties a request's answer (`X-Request-Id`) to its log lines.
enum RequestID {
    /// The client's `X-Request-Id` when it is sane (1–128 of `A–Z a–z 0–9 . _ -`), else a new one.
    static func resolve(from headers: HTTPHeaders) -> String {
        if let sent = headers["X-Request-Id"], isSane(sent) { return sent }
        return generate()
    }

    static func isSane(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }

    /// 128 random bits as 32 lowercase hex digits.
    static func generate() -> String {
        var random = SystemRandomNumberGenerator()
        return [random.next() as UInt64, random.next() as UInt64].map { half in
            let hex = String(half, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
