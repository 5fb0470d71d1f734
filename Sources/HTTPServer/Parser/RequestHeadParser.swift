/// Reads one complete request head (request line, fields, the empty line) from bytes that are
/// known to end with CRLF CRLF, and decides how the body is framed.
struct RequestHeadParser {
    let limits: HTTPParserLimits

    struct Result {
        var head: HTTPRequestHead
        var framing: BodyFraming
        var expectsContinue: Bool
    }

    private static let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), colon = UInt8(ascii: ":")

    func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> Result {
        var lines = LineReader(bytes: bytes)
        guard let requestLine = try lines.next() else { throw .badRequest("empty request") }
        let (method, target, version) = try parseRequestLine(requestLine)

        var headers = HTTPHeaders()
        while let line = try lines.next() {
            if line.isEmpty { break }
            guard headers.count < limits.maxHeaderCount else { throw .headTooLarge }
            let (name, value) = try parseField(line)
            headers.add(name, value)
        }
        return try frame(HTTPRequestHead(method: method, target: target, version: version, headers: headers))
    }

    private func parseRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (HTTPMethod, String, HTTPVersion) {
        guard let firstSpace = line.firstIndex(of: Self.space) else { throw .badRequest("malformed request line") }
        let methodBytes = line[..<firstSpace]
        guard !methodBytes.isEmpty, methodBytes.allSatisfy(ByteClass.isToken) else { throw .badRequest("malformed method") }
        let rest = line[(firstSpace + 1)...]
        guard let secondSpace = rest.firstIndex(of: Self.space) else { throw .badRequest("malformed request line") }
        let targetBytes = rest[..<secondSpace]
        let versionBytes = rest[(secondSpace + 1)...]
        guard !targetBytes.isEmpty, targetBytes.allSatisfy(ByteClass.isTarget) else { throw .badRequest("malformed request target") }

        let version = try parseVersion(versionBytes)
        let method = HTTPMethod(rawValue: String(decoding: methodBytes, as: UTF8.self))
        let target = String(decoding: targetBytes, as: UTF8.self)
        let isOrigin = targetBytes.first == UInt8(ascii: "/")
        let isAsterisk = target == "*" && method == .options
        guard isOrigin || isAsterisk else { throw .badRequest("request target must be origin-form") }
        guard HTTPMethod.known.contains(method) else { throw .unknownMethod }
        return (method, target, version)
    }

    private func parseVersion(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) throws(HTTPParseError) -> HTTPVersion {
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8) else { throw .badRequest("malformed version") }
        let major = bytes[bytes.startIndex + 5], dot = bytes[bytes.startIndex + 6], minor = bytes[bytes.startIndex + 7]
        guard digits.contains(major), dot == UInt8(ascii: "."), digits.contains(minor) else {
            throw .badRequest("malformed version")
        }
        guard major == UInt8(ascii: "1"), minor <= UInt8(ascii: "1") else { throw .unsupportedVersion }
        return minor == UInt8(ascii: "1") ? .http1_1 : .http1_0
    }

    private func parseField(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (String, String) {
        if line.first == Self.space || line.first == Self.tab { throw .badRequest("obsolete line folding") }
        guard let colon = line.firstIndex(of: Self.colon), colon > 0 else { throw .badRequest("malformed header field") }
        let name = line[..<colon]
        guard name.allSatisfy(ByteClass.isToken) else { throw .badRequest("malformed header name") }
        var value = line[(colon + 1)...]
        guard value.allSatisfy(ByteClass.isFieldValue) else { throw .badRequest("invalid character in header value") }
        while let first = value.first, first == Self.space || first == Self.tab { value = value.dropFirst() }
        while let last = value.last, last == Self.space || last == Self.tab { value = value.dropLast() }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// Host, body framing and expectations (RFC 9112 §3.2, §6.3; RFC 9110 §10.1.1).
    private func frame(_ head: HTTPRequestHead) throws(HTTPParseError) -> Result {
        let hosts = head.headers.values(for: "host")
        if head.version == .http1_1 && hosts.count != 1 { throw .badRequest("HTTP/1.1 needs exactly one Host") }
        if hosts.count > 1 { throw .badRequest("more than one Host") }
        if let host = hosts.first, !host.utf8.allSatisfy(ByteClass.isHost) { throw .badRequest("malformed Host") }

        let codings = head.headers.values(for: "transfer-encoding")
        let lengths = head.headers.values(for: "content-length")
        var framing = BodyFraming.none
        if !codings.isEmpty {
            guard lengths.isEmpty else { throw .badRequest("Content-Length with Transfer-Encoding") }
            guard head.version == .http1_1 else { throw .badRequest("Transfer-Encoding in HTTP/1.0") }
            framing = try chunkedFraming(codings)
        } else if !lengths.isEmpty {
            let length = try contentLength(lengths)
            guard length <= limits.maxBodyBytes else { throw .bodyTooLarge }
            framing = length == 0 ? .none : .length(length)
        }

        // Every `Expect` field, not only the first, must be exactly `100-continue`.
        let expectations = head.headers.values(for: "expect")
        guard expectations.allSatisfy({ $0.equalsIgnoringASCIICase("100-continue") }) else { throw .unsupportedExpectation }
        let expectsContinue = !expectations.isEmpty && head.version == .http1_1 && framing != .none
        return Result(head: head, framing: framing, expectsContinue: expectsContinue)
    }

    /// Only `chunked`, exactly once and last; any other coding is not implemented.
    private func chunkedFraming(_ values: [String]) throws(HTTPParseError) -> BodyFraming {
        let codings = values.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingASCIIWhitespace() }
        guard codings.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(ByteClass.isToken) }) else {
            throw .badRequest("malformed Transfer-Encoding")
        }
        let chunked = codings.filter { $0.equalsIgnoringASCIICase("chunked") }.count
        if codings.count == 1 && chunked == 1 { return .chunked }
        if chunked > 1 || (chunked == 1 && !codings[codings.count - 1].equalsIgnoringASCIICase("chunked")) {
            throw .badRequest("chunked must be the final coding, once")
        }
        throw .unsupportedTransferCoding
    }

    /// Digits only, no overflow; repeated fields or list members must all agree.
    private func contentLength(_ values: [String]) throws(HTTPParseError) -> Int {
        var length: Int?
        for member in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let digits = member.trimmingASCIIWhitespace()
            guard !digits.isEmpty, digits.utf8.count <= 18,
                  digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let value = Int(digits)
            else { throw .badRequest("malformed Content-Length") }
            if let length, length != value { throw .badRequest("conflicting Content-Length") }
            length = value
        }
        return length ?? 0
    }
}

/// Splits a head into lines; each must end in CRLF (a bare CR or LF is an error).
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() throws(HTTPParseError) -> UnsafeBufferPointer<UInt8>? {
        guard position < bytes.count else { return nil }
        var index = position
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { throw .badRequest("bare LF") }
            if byte == UInt8(ascii: "\r") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") else { throw .badRequest("bare CR") }
                let line = UnsafeBufferPointer(rebasing: bytes[position..<index])
                position = index + 2
                return line
            }
            index += 1
        }
        throw .badRequest("unterminated line")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingASCIIWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
