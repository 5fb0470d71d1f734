/// A strict RFC 8259 parser: one value, optional surrounding whitespace, nothing else.
///
/// Refused: comments, trailing commas, single quotes, leading zeros, `NaN`, a byte order
/// mark, raw control characters in strings, bytes that are not UTF-8, lone surrogates,
/// duplicate keys, and nesting deeper than `maxDepth`. The depth bound also bounds recursion.
struct JSONParser {
    private let bytes: [UInt8]
    private let maxDepth: Int
    private var offset = 0

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    static func parse(_ bytes: [UInt8], maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.offset == bytes.count else { throw parser.failure(.trailingContent) }
        return value
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard let byte = peek() else { throw failure(.unexpectedEnd) }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure(.unexpectedCharacter)
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw failure(.tooDeep) }
        offset += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if next(is: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard next(is: "\"") else { throw failure(peek() == nil ? .unexpectedEnd : .unexpectedCharacter) }
            let keyOffset = offset
            let key = try string()
            skipWhitespace()
            try expect(":")
            let member = try value(depth: depth)
            guard members.updateValue(member, forKey: key) == nil else {
                throw JSONParseError(reason: .duplicateKey, offset: keyOffset)
            }
            if try endOfList(closedBy: "}") { return .object(members) }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= maxDepth else { throw failure(.tooDeep) }
        offset += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if next(is: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            elements.append(try value(depth: depth))
            if try endOfList(closedBy: "]") { return .array(elements) }
        }
    }

    /// After a member or element: consumes `,` (false, more follow) or `closing` (true).
    private mutating func endOfList(closedBy closing: Unicode.Scalar) throws(JSONParseError) -> Bool {
        skipWhitespace()
        if next(is: ",") {
            offset += 1
            return false
        }
        try expect(closing)
        return true
    }

    private mutating func string() throws(JSONParseError) -> String {
        let start = offset
        offset += 1
        var utf8: [UInt8] = []
        while let byte = peek() {
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw JSONParseError(reason: .invalidUnicode, offset: start)
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                offset -= 1
                throw failure(.controlCharacter)
            default:
                utf8.append(byte)
            }
        }
        throw failure(.unexpectedEnd)
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JSONParseError) {
        guard let byte = peek() else { throw failure(.unexpectedEnd) }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var value = UInt32(try hexQuad())
            if (0xD800...0xDBFF).contains(value) {
                guard next(is: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw failure(.invalidUnicode)
                }
                offset += 2
                let low = UInt32(try hexQuad())
                guard (0xDC00...0xDFFF).contains(low) else { throw failure(.invalidUnicode) }
                value = 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw failure(.invalidUnicode) }
            UTF8.encode(scalar) { utf8.append($0) }
        default:
            offset -= 1
            throw failure(.invalidEscape)
        }
    }

    private mutating func hexQuad() throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = peek() else { throw failure(.unexpectedEnd) }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(.invalidEscape)
            }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as written.
    private mutating func number() throws(JSONParseError) -> String {
        let start = offset
        if next(is: "-") { offset += 1 }
        if next(is: "0") {
            offset += 1
            if nextIsDigit() { throw failure(.invalidNumber) }
        } else {
            try digits()
        }
        if next(is: ".") {
            offset += 1
            try digits()
        }
        if next(is: "e") || next(is: "E") {
            offset += 1
            if next(is: "+") || next(is: "-") { offset += 1 }
            try digits()
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// One or more decimal digits.
    private mutating func digits() throws(JSONParseError) {
        guard nextIsDigit() else { throw failure(peek() == nil ? .unexpectedEnd : .invalidNumber) }
        while nextIsDigit() { offset += 1 }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard let actual = peek() else { throw failure(.unexpectedEnd) }
            guard actual == byte else { throw failure(.unexpectedCharacter) }
            offset += 1
        }
    }

    private mutating func expect(_ scalar: Unicode.Scalar) throws(JSONParseError) {
        guard peek() != nil else { throw failure(.unexpectedEnd) }
        guard next(is: scalar) else { throw failure(.unexpectedCharacter) }
        offset += 1
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private func next(is scalar: Unicode.Scalar) -> Bool { peek() == UInt8(ascii: scalar) }

    private func nextIsDigit() -> Bool {
        peek().map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false
    }

    private func failure(_ reason: JSONParseError.Reason) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset)
    }
}
