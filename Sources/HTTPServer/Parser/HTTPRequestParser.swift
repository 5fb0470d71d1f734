/// An incremental HTTP/1.1 request parser: bytes in, request parts out, no I/O.
///
/// Call `parse(_:)` with the bytes not yet consumed; drop the `consumed` prefix it reports and
/// call again while it makes progress. A request with a body first yields `.head` (so the
/// connection can answer `Expect: 100-continue` or stop reading), then `.complete`; one without
/// a body yields `.complete` at once. Any thrown error is final: answer it and close.
public struct HTTPRequestParser: Sendable {
    public enum Event: Sendable {
        /// The head of a request whose body follows.
        case head(HTTPRequestHead, expectsContinue: Bool)
        /// A whole request: head and de-chunked body.
        case complete(HTTPRequestHead, body: [UInt8])
    }

    /// `metadata`: bytes of chunk extensions (and size padding) so far; `bytes`: of trailer fields.
    private enum State: Sendable {
        case head(scanned: Int)
        case body(HTTPRequestHead, body: [UInt8], remaining: Int)
        case chunkSize(HTTPRequestHead, body: [UInt8], metadata: Int)
        case chunkData(HTTPRequestHead, body: [UInt8], remaining: Int, metadata: Int)
        case chunkDataEnd(HTTPRequestHead, body: [UInt8], metadata: Int)
        case trailers(HTTPRequestHead, body: [UInt8], bytes: Int, metadata: Int)
    }

    public let limits: HTTPParserLimits
    private var state = State.head(scanned: 0)
    private static let maxChunkLineBytes = 4096
    /// Hex digits a chunk size may have (`chunkSize` refuses more significant ones).
    private static let maxSizeDigits = 15

    public init(limits: HTTPParserLimits = HTTPParserLimits()) { self.limits = limits }

    /// Whether the parser is between requests (nothing of the next one read yet).
    public var isIdle: Bool {
        if case .head(let scanned) = state { scanned == 0 } else { false }
    }

    /// Whether the parser is reading a body.
    public var isReadingBody: Bool {
        if case .head = state { false } else { true }
    }

    /// The `Content-Length` of the body being read; nil for a chunked one and between requests.
    public var declaredBodyBytes: Int? {
        if case .body(_, let body, let remaining) = state { body.count + remaining } else { nil }
    }

    /// Payload bytes of the body being read so far (de-chunked: no sizes, extensions or
    /// trailers); 0 between requests.
    public var receivedBodyBytes: Int {
        switch state {
        case .head:
            0
        case .body(_, let body, _), .chunkSize(_, let body, _), .chunkData(_, let body, _, _),
             .chunkDataEnd(_, let body, _), .trailers(_, let body, _, _):
            body.count
        }
    }

    public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (consumed: Int, event: Event?) {
        switch state {
        case .head(let scanned):
            return try parseHead(bytes, scanned: scanned)

        case .body(let head, var body, let remaining):
            state = .head(scanned: 0)  // `body` is now the only reference: it grows in place, uncopied
            let take = min(remaining, bytes.count)
            body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<take]))
            if take == remaining { return (take, .complete(head, body: body)) }
            state = .body(head, body: body, remaining: remaining - take)
            return (take, nil)

        case .chunkSize(let head, let body, let metadata):
            guard let lineEnd = try Self.lineEnd(in: bytes, limit: Self.maxChunkLineBytes, tooLong: .badRequest("chunk line too long"))
            else { return (0, nil) }
            let (size, digits) = try Self.chunkSize(UnsafeBufferPointer(rebasing: bytes[..<lineEnd]))
            guard size <= limits.maxBodyBytes - body.count else { throw .bodyTooLarge }
            // Whatever is not the size itself (extensions, padding zeros) is metadata, bounded
            // per request: many short lines must not add up to an endless body.
            let total = metadata + lineEnd - min(digits, Self.maxSizeDigits)
            guard total <= limits.maxChunkMetadataBytes else { throw .badRequest("chunk extensions over the limit") }
            state = size == 0
                ? .trailers(head, body: body, bytes: 0, metadata: total)
                : .chunkData(head, body: body, remaining: size, metadata: total)
            return (lineEnd + 2, nil)

        case .chunkData(let head, var body, let remaining, let metadata):
            state = .head(scanned: 0)  // as for `.body`: append without copying
            let take = min(remaining, bytes.count)
            body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<take]))
            state = take == remaining
                ? .chunkDataEnd(head, body: body, metadata: metadata)
                : .chunkData(head, body: body, remaining: remaining - take, metadata: metadata)
            return (take, nil)

        case .chunkDataEnd(let head, let body, let metadata):
            guard bytes.count >= 2 else {
                if let first = bytes.first, first != UInt8(ascii: "\r") { throw .badRequest("chunk data not followed by CRLF") }
                return (0, nil)
            }
            guard bytes[0] == UInt8(ascii: "\r"), bytes[1] == UInt8(ascii: "\n") else {
                throw .badRequest("chunk data not followed by CRLF")
            }
            state = .chunkSize(head, body: body, metadata: metadata)
            return (2, nil)

        case .trailers(let head, let body, let seen, let metadata):
            let limit = min(limits.maxHeadBytes, limits.maxChunkMetadataBytes - metadata) - seen
            guard let lineEnd = try Self.lineEnd(in: bytes, limit: limit, tooLong: .headTooLarge)
            else { return (0, nil) }
            if lineEnd == 0 {
                state = .head(scanned: 0)
                return (2, .complete(head, body: body))
            }
            let line = UnsafeBufferPointer(rebasing: bytes[..<lineEnd])
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  line[..<colon].allSatisfy(ByteClass.isToken), line[(colon + 1)...].allSatisfy(ByteClass.isFieldValue)
            else { throw .badRequest("malformed trailer field") }
            state = .trailers(head, body: body, bytes: seen + lineEnd + 2, metadata: metadata)
            return (lineEnd + 2, nil)
        }
    }

    private mutating func parseHead(_ bytes: UnsafeBufferPointer<UInt8>, scanned: Int) throws(HTTPParseError) -> (consumed: Int, event: Event?) {
        // RFC 9112 §2.2: ignore empty lines before the request line (a lone CR waits for its LF).
        if scanned == 0, bytes.first == UInt8(ascii: "\r") {
            guard bytes.count >= 2 else { return (0, nil) }
            if bytes[1] == UInt8(ascii: "\n") { return (2, nil) }
        }
        // Never look past one byte over the limit: the verdict must not depend on how the bytes arrived.
        let searchable = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, limits.maxHeadBytes + 1)])
        guard let end = try Self.headEnd(in: searchable, from: max(0, scanned - 1)) else {
            if bytes.count > limits.maxHeadBytes {
                let window = UnsafeBufferPointer(rebasing: bytes[..<limits.maxHeadBytes])
                throw window.firstIndex(of: UInt8(ascii: "\n")) == nil ? .uriTooLong : .headTooLarge
            }
            state = .head(scanned: bytes.count)
            return (0, nil)
        }
        guard end <= limits.maxHeadBytes else {
            let window = UnsafeBufferPointer(rebasing: bytes[..<min(end, limits.maxHeadBytes)])
            throw window.firstIndex(of: UInt8(ascii: "\n")) == nil ? .uriTooLong : .headTooLarge
        }
        let parsed = try RequestHeadParser(limits: limits).parse(UnsafeBufferPointer(rebasing: bytes[..<end]))
        switch parsed.framing {
        case .none:
            state = .head(scanned: 0)
            return (end, .complete(parsed.head, body: []))
        case .length(let length):
            var body: [UInt8] = []
            body.reserveCapacity(min(length, 64 * 1024))
            state = .body(parsed.head, body: body, remaining: length)
        case .chunked:
            state = .chunkSize(parsed.head, body: [], metadata: 0)
        }
        return (end, .head(parsed.head, expectsContinue: parsed.expectsContinue))
    }

    /// The index just past the CRLF CRLF that ends the head, scanning from `start`. A bare CR
    /// or LF is an error at once: a client that ends lines in LF alone would otherwise wait
    /// for an end that never comes.
    private static func headEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(HTTPParseError) -> Int? {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        for index in start..<bytes.count {
            switch bytes[index] {
            case cr:
                if index + 1 < bytes.count, bytes[index + 1] != lf { throw .badRequest("bare CR") }
            case lf:
                guard index > 0, bytes[index - 1] == cr else { throw .badRequest("bare LF") }
                if index >= 3, bytes[index - 2] == lf { return index + 1 }
            default:
                continue
            }
        }
        return nil
    }

    /// The index of the CR of the first CRLF, nil if none yet; a bare CR or LF is an error,
    /// and a line longer than `limit` throws `tooLong` (below zero, only an empty line fits).
    private static func lineEnd(
        in bytes: UnsafeBufferPointer<UInt8>, limit: Int, tooLong: HTTPParseError
    ) throws(HTTPParseError) -> Int? {
        let limit = max(limit, 0)
        for index in 0..<min(bytes.count, limit + 1) {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                throw .badRequest("bare LF")
            case UInt8(ascii: "\r"):
                guard index + 1 < bytes.count else { return nil }
                guard bytes[index + 1] == UInt8(ascii: "\n") else { throw .badRequest("bare CR") }
                return index
            default:
                continue
            }
        }
        if bytes.count > limit { throw tooLong }
        return nil
    }

    /// `1*HEXDIG [ chunk-ext ]`: the size, which must fit comfortably in an `Int`, and how many
    /// hex digits (leading zeros too) it was written with.
    private static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> (size: Int, digits: Int) {
        var size = 0
        var digits = 0
        var index = 0
        while index < line.count, let value = ByteClass.hexValue(line[index]) {
            if size > 0 || value > 0 { digits += 1 }
            guard digits <= maxSizeDigits else { throw .badRequest("chunk size too large") }
            size = size << 4 | value
            index += 1
        }
        guard index > 0 else { throw .badRequest("malformed chunk size") }
        let rest = line[index...]
        if let first = rest.first {
            // chunk-ext: BWS ";" … — accept token/quoted text but no control characters.
            let extensions = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard first == UInt8(ascii: ";") || extensions.first == UInt8(ascii: ";"),
                  rest.allSatisfy(ByteClass.isFieldValue)
            else { throw .badRequest("malformed chunk extension") }
        }
        return (size, index)
    }
}
