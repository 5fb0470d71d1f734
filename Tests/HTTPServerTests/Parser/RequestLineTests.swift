import HTTPServer
import Testing

@Suite("Parser: request line")
struct RequestLineTests {
    @Test func simpleRequest() throws {
        let outcome = ParseOutcome.of("GET /v1/entries?kind=amend&x=1 HTTP/1.1\r\nHost: example.org\r\nAccept: */*\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(outcome.requests.count == 1 && outcome.error == nil && outcome.unconsumed == 0)
        #expect(request.head.method == .get)
        #expect(request.head.target == "/v1/entries?kind=amend&x=1")
        #expect(request.head.path == "/v1/entries" && request.head.query == "kind=amend&x=1")
        #expect(request.head.version == .http1_1)
        #expect(request.head.headers["host"] == "example.org" && request.head.headers["ACCEPT"] == "*/*")
        #expect(request.body.isEmpty && request.announcedContinue == nil)
    }

    @Test(arguments: [
        FramingCase("HTTP/1.1", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", nil),
        FramingCase("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", nil),
        FramingCase("HTTP/2.0", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        FramingCase("HTTP/0.9 claimed", "GET / HTTP/0.9\r\nHost: a\r\n\r\n", 505),
        FramingCase("HTTP/1.2", "GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505),
        FramingCase("HTTP/3.0", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505),
        FramingCase("real HTTP/0.9, no version", "GET /a-file\r\n\r\n", 400),
        FramingCase("lower-case protocol", "GET / http/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("two-digit version", "GET / HTTP/11\r\nHost: a\r\n\r\n", 400),
        FramingCase("version with more digits", "GET / HTTP/1.10\r\nHost: a\r\n\r\n", 400),
        FramingCase("letters in the version", "GET / HTTP/1.x\r\nHost: a\r\n\r\n", 400),
        FramingCase("space after the version", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
        FramingCase("garbage", "\u{1}\u{2}\u{3}\r\n\r\n", 400),
        FramingCase("empty request line", " \r\n\r\n", 400),
    ])
    func versions(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test(arguments: [
        FramingCase("DELETE", "DELETE / HTTP/1.1\r\nHost: a\r\n\r\n", nil),
        FramingCase("unknown method", "BREW /pot HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        FramingCase("QUERY, known though no route has it", "QUERY / HTTP/1.1\r\nHost: a\r\n\r\n", nil),
        FramingCase("lower-case method", "get / HTTP/1.1\r\nHost: a\r\n\r\n", 501),
        FramingCase("method not a token", "GE(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("empty method", " / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("two spaces", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("tab as separator", "GET\t/ HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("asterisk for OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", nil),
        FramingCase("asterisk for GET", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("absolute-form", "GET http://a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("authority-form", "CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", 400),
        FramingCase("relative path", "GET a/b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("control byte in the target", "GET /a\u{1}b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("non-ASCII target", "GET /caf\u{E9} HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("DEL in the target", "GET /a\u{7F} HTTP/1.1\r\nHost: a\r\n\r\n", 400),
    ])
    func methodsAndTargets(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func everyKnownMethodParses() {
        for method in HTTPMethod.known {
            let outcome = ParseOutcome.of("\(method) /x HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(outcome.requests.first?.head.method == method, "\(method)")
        }
    }

    @Test func leadingEmptyLinesAreIgnored() {
        let outcome = ParseOutcome.of("\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.error == nil && outcome.requests.count == 1)
    }

    @Test func aLoneCarriageReturnWaitsForItsLineFeed() {
        let outcome = ParseOutcome.of("\r")
        #expect(outcome.error == nil && outcome.requests.isEmpty && outcome.unconsumed == 1)
    }

    @Test func partialRequestWaitsWithoutError() {
        let outcome = ParseOutcome.of("GET / HTTP/1.1\r\nHost: a\r\n")
        #expect(outcome.error == nil && outcome.requests.isEmpty && outcome.unconsumed == 25)
    }

    static let small = HTTPParserLimits(maxHeadBytes: 64, maxHeaderCount: 3, maxBodyBytes: 100)

    /// A head of exactly `size` bytes.
    static func head(size: Int) -> String {
        let start = "GET / HTTP/1.1\r\nHost: a\r\nX: "
        return start + String(repeating: "v", count: size - start.utf8.count - 4) + "\r\n\r\n"
    }

    @Test func headAtTheLimitParses() {
        #expect(ParseOutcome.of(Self.head(size: 64), limits: Self.small).requests.count == 1)
    }

    @Test func headOneByteOverTheLimitIs431() {
        #expect(ParseOutcome.of(Self.head(size: 65), limits: Self.small).status == 431)
    }

    @Test func requestLineOverTheLimitIs414() {
        let line = "GET /" + String(repeating: "a", count: 100) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(ParseOutcome.of(line, limits: Self.small).status == 414)
        // Not even the end of the line has arrived: the verdict is the same.
        #expect(ParseOutcome.of(String(line.prefix(70)), limits: Self.small).status == 414)
    }

    @Test func endlessFieldsWithoutAnEndAre431() {
        let head = "GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 20)
        #expect(ParseOutcome.of(head, limits: Self.small).status == 431)
    }

    @Test func headerCountAtTheLimitParsesAndOneMoreIs431() {
        let three = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n"
        let four = "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"
        #expect(ParseOutcome.of(three, limits: Self.small).requests.count == 1)
        #expect(ParseOutcome.of(four, limits: Self.small).status == 431)
    }
}
