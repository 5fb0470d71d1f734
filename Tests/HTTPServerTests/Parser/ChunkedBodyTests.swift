import HTTPServer
import Testing

@Suite("Parser: chunked bodies")
struct ChunkedBodyTests {
    static func chunked(_ body: String) -> String {
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + body
    }

    @Test(arguments: [
        ("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", "hello world"),
        ("A\r\n0123456789\r\na\r\nabcdefghij\r\n0\r\n\r\n", "0123456789abcdefghij"),
        ("0005\r\nhello\r\n000\r\n\r\n", "hello"),
        ("5;name=value\r\nhello\r\n0;last\r\n\r\n", "hello"),
        ("5;a=\"quoted; value\";b\r\nhello\r\n0\r\n\r\n", "hello"),
        ("5 ;bws\r\nhello\r\n0\r\n\r\n", "hello"),
        ("4\r\na\r\nb\r\n0\r\n\r\n", "a\r\nb"),
        ("0\r\n\r\n", ""),
        ("3\r\nabc\r\n0\r\nX-Checksum: 1\r\nX-Other: two words\r\n\r\n", "abc"),
    ])
    func decodes(_ body: String, _ expected: String) throws {
        let outcome = ParseOutcome.of(Self.chunked(body))
        #expect(outcome.error == nil && outcome.unconsumed == 0)
        #expect(try #require(outcome.requests.first).bodyString == expected)
    }

    @Test(arguments: [
        FramingCase("size not hex", Self.chunked("x\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("empty size line", Self.chunked("\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("negative size", Self.chunked("-5\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("plus sign", Self.chunked("+5\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("0x prefix", Self.chunked("0x5\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("space before the size", Self.chunked(" 5\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("junk after the size", Self.chunked("5 x\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("control byte in an extension", Self.chunked("5;a\u{1}\r\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("bare LF after the size", Self.chunked("5\nhello\r\n0\r\n\r\n"), 400),
        FramingCase("bare CR after the size", Self.chunked("5\rhello\r\n0\r\n\r\n"), 400),
        FramingCase("data longer than its size", Self.chunked("5\r\nhelloX\r\n0\r\n\r\n"), 400),
        FramingCase("data shorter than its size", Self.chunked("5\r\nhell\r\n0\r\n\r\n"), 400),
        FramingCase("bare LF after the data", Self.chunked("5\r\nhello\n0\r\n\r\n"), 400),
        FramingCase("size overflowing Int", Self.chunked("ffffffffffffffffff\r\n"), 400),
        FramingCase("sixteen hex digits", Self.chunked("1000000000000000\r\n"), 400),
        FramingCase("fifteen hex digits", Self.chunked("fffffffffffffff\r\n"), 413),
        FramingCase("one chunk over the body limit", Self.chunked("100001\r\n"), 413),
        FramingCase("malformed trailer", Self.chunked("0\r\nnot a field\r\n\r\n"), 400),
        FramingCase("obs-fold in the trailers", Self.chunked("0\r\nX: a\r\n b\r\n\r\n"), 400),
        FramingCase("chunk line too long", Self.chunked("5;" + String(repeating: "e", count: 5000) + "\r\nhello\r\n0\r\n\r\n"), 400),
    ])
    func refuses(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func chunksAddingUpOverTheLimitAre413() {
        let limits = HTTPParserLimits(maxBodyBytes: 10)
        let atLimit = ParseOutcome.of(Self.chunked("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n"), limits: limits)
        #expect(atLimit.requests.first?.bodyString == "helloworld")
        let over = ParseOutcome.of(Self.chunked("5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n"), limits: limits)
        #expect(over.status == 413 && over.requests.isEmpty)
    }

    @Test func trailersCountAgainstTheHeadLimit() {
        let limits = HTTPParserLimits(maxHeadBytes: 64)
        let field = "X: " + String(repeating: "t", count: 61)  // exactly the limit
        let fits = ParseOutcome.of(Self.chunked("0\r\n\(field)\r\n\r\n"), limits: limits)
        #expect(fits.error == nil && fits.requests.count == 1)
        // Used to trap (an empty range with a negative bound) instead of answering 431.
        let more = ParseOutcome.of(Self.chunked("0\r\n\(field)\r\nY: 1\r\n\r\n"), limits: limits)
        #expect(more.status == 431)
        let longLine = ParseOutcome.of(Self.chunked("0\r\n\(field)t\r\n\r\n"), limits: limits)
        #expect(longLine.status == 431)
    }

    @Test func extensionsAndTrailersShareOneCapPerRequest() {
        let limits = HTTPParserLimits(maxChunkMetadataBytes: 20)
        // ";a=0123456" is 10 bytes: two fit, the third passes the cap, though each line is short.
        let two = ParseOutcome.of(Self.chunked("1;a=0123456\r\nx\r\n1;a=0123456\r\ny\r\n0\r\n\r\n"), limits: limits)
        #expect(two.error == nil && two.requests.first?.bodyString == "xy")
        let three = ParseOutcome.of(Self.chunked(String(repeating: "1;a=0123456\r\nx\r\n", count: 3)), limits: limits)
        #expect(three.status == 400)
        // Zeros before the size are padding like an extension.
        let padded = ParseOutcome.of(Self.chunked(String(repeating: "0", count: 40) + "1\r\nx\r\n0\r\n\r\n"), limits: limits)
        #expect(padded.status == 400)
        // Trailer fields count after the extensions: 10 + 11 is over 20.
        let trailer = ParseOutcome.of(Self.chunked("1;a=0123456\r\nx\r\n0\r\nX-T: 123456\r\n\r\n"), limits: limits)
        #expect(trailer.status == 431)
        let shortTrailer = ParseOutcome.of(Self.chunked("1;a=0123456\r\nx\r\n0\r\nX-T: 12\r\n\r\n"), limits: limits)
        #expect(shortTrailer.error == nil && shortTrailer.requests.count == 1)
    }

    @Test func receivedBodyBytesCountPayloadOnly() throws {
        var parser = HTTPRequestParser()
        let input = Array(Self.chunked("3;ext\r\nabc\r\n2\r\nde").utf8)
        var offset = 0
        while offset < input.count {
            let (consumed, _) = try input.withUnsafeBufferPointer { bytes throws(HTTPParseError) in
                try parser.parse(UnsafeBufferPointer(rebasing: bytes[offset...]))
            }
            if consumed == 0 { break }
            offset += consumed
        }
        #expect(parser.receivedBodyBytes == 5)
    }

    @Test func theRequestAfterAChunkedOneIsParsed() {
        let outcome = ParseOutcome.of(Self.chunked("1\r\nx\r\n0\r\n\r\n") + "GET /next HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.requests.map(\.head.target) == ["/", "/next"])
    }
}
