/// Reads ASCII text front to back.
struct ASCIIScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var isAtEnd: Bool { index == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(index + count, bytes.count)
        defer { index = end }
        return bytes[index..<end]
    }

    mutating func take(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = index
        while index < bytes.count, predicate(bytes[index]) { index += 1 }
        return bytes[start..<index]
    }

    mutating func take(oneOf characters: String) -> UInt8? {
        guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    /// Steps over `literal` if the text continues with it.
    mutating func skip(_ literal: String) -> Bool {
        guard bytes[index...].starts(with: literal.utf8) else { return false }
        index += literal.utf8.count
        return true
    }

    mutating func number(digits: Int) -> Int? {
        let slice = take(digits)
        return slice.count == digits ? CalendarDate.number(slice) : nil
    }
}
