import HTTPServer
import Testing

@Suite("Parser: Content-Length and Transfer-Encoding")
struct BodyFramingTests {
    static func post(_ fields: String, body: String = "") -> String {
        "POST / HTTP/1.1\r\nHost: a\r\n\(fields)\r\n\(body)"
    }

    @Test func contentLengthBody() throws {
        let outcome = ParseOutcome.of(Self.post("Content-Length: 5\r\n", body: "hello"))
        let request = try #require(outcome.requests.first)
        #expect(request.bodyString == "hello" && request.announcedContinue == false && outcome.unconsumed == 0)
    }

    @Test func zeroLengthCompletesWithTheHead() throws {
        let outcome = ParseOutcome.of(Self.post("Content-Length: 0\r\n"))
        let request = try #require(outcome.requests.first)
        #expect(request.body.isEmpty && request.announcedContinue == nil)
    }

    @Test func bodyWaitsForItsLastByte() {
        let outcome = ParseOutcome.of(Self.post("Content-Length: 5\r\n", body: "hell"))
        #expect(outcome.requests.isEmpty && outcome.pendingHead != nil && outcome.error == nil)
    }

    @Test(arguments: [
        FramingCase("plus sign", Self.post("Content-Length: +5\r\n", body: "hello"), 400),
        FramingCase("negative", Self.post("Content-Length: -1\r\n"), 400),
        FramingCase("hexadecimal", Self.post("Content-Length: 0x5\r\n", body: "hello"), 400),
        FramingCase("decimal point", Self.post("Content-Length: 5.0\r\n", body: "hello"), 400),
        FramingCase("trailing letter", Self.post("Content-Length: 5a\r\n", body: "hello"), 400),
        FramingCase("space inside", Self.post("Content-Length: 1 2\r\n"), 400),
        FramingCase("empty", Self.post("Content-Length:\r\n"), 400),
        FramingCase("empty list member", Self.post("Content-Length: 5,\r\n", body: "hello"), 400),
        FramingCase("over Int64", Self.post("Content-Length: 99999999999999999999\r\n"), 400),
        FramingCase("2^64", Self.post("Content-Length: 18446744073709551616\r\n"), 400),
        FramingCase("over the body limit", Self.post("Content-Length: 1048577\r\n"), 413),
        FramingCase("huge but parseable", Self.post("Content-Length: 999999999999999999\r\n"), 413),
        FramingCase("differing duplicates", Self.post("Content-Length: 5\r\nContent-Length: 6\r\n", body: "hello!"), 400),
        FramingCase("differing list", Self.post("Content-Length: 5, 6\r\n", body: "hello!"), 400),
        FramingCase("identical duplicates", Self.post("Content-Length: 5\r\ncontent-length: 5\r\n", body: "hello"), nil),
        FramingCase("identical list", Self.post("Content-Length: 5 , 5\r\n", body: "hello"), nil),
        FramingCase("leading zeros", Self.post("Content-Length: 005\r\n", body: "hello"), nil),
    ])
    func contentLength(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func identicalDuplicatesFrameTheBodyOnce() throws {
        let outcome = ParseOutcome.of(Self.post("Content-Length: 5\r\nContent-Length: 5\r\n", body: "hello"))
        #expect(try #require(outcome.requests.first).bodyString == "hello")
    }

    @Test(arguments: [
        FramingCase("chunked", Self.post("Transfer-Encoding: chunked\r\n", body: "0\r\n\r\n"), nil),
        FramingCase("Chunked in other case", Self.post("Transfer-Encoding: ChUnKeD\r\n", body: "0\r\n\r\n"), nil),
        FramingCase("Content-Length then Transfer-Encoding",
                    Self.post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", body: "0\r\n\r\n"), 400),
        FramingCase("Transfer-Encoding then Content-Length",
                    Self.post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", body: "0\r\n\r\n"), 400),
        FramingCase("gzip", Self.post("Transfer-Encoding: gzip\r\n"), 501),
        FramingCase("identity", Self.post("Transfer-Encoding: identity\r\n"), 501),
        FramingCase("gzip, chunked", Self.post("Transfer-Encoding: gzip, chunked\r\n"), 501),
        FramingCase("gzip and chunked in two fields", Self.post("Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n"), 501),
        FramingCase("chunked, gzip", Self.post("Transfer-Encoding: chunked, gzip\r\n"), 400),
        FramingCase("chunked twice", Self.post("Transfer-Encoding: chunked, chunked\r\n"), 400),
        FramingCase("chunked in two fields", Self.post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"), 400),
        FramingCase("empty coding", Self.post("Transfer-Encoding:\r\n"), 400),
        FramingCase("empty list member", Self.post("Transfer-Encoding: chunked,\r\n"), 400),
        FramingCase("quoted coding", Self.post("Transfer-Encoding: \"chunked\"\r\n"), 400),
        FramingCase("chunked in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
    ])
    func transferEncoding(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func declaredBodyOverTheLimitIsRefusedAtTheHead() {
        // Only the head was sent: the verdict must not wait for the body.
        let outcome = ParseOutcome.of(Self.post("Content-Length: 101\r\n"), limits: HTTPParserLimits(maxBodyBytes: 100))
        #expect(outcome.status == 413 && outcome.pendingHead == nil)
        let atLimit = ParseOutcome.of(
            Self.post("Content-Length: 100\r\n", body: String(repeating: "x", count: 100)), limits: HTTPParserLimits(maxBodyBytes: 100))
        #expect(atLimit.requests.first?.body.count == 100)
    }

    @Test func aBodyThatLooksLikeARequestIsOnlyABody() throws {
        let smuggled = "GET /admin HTTP/1.1\r\nHost: a\r\n\r\n"
        let outcome = ParseOutcome.of(Self.post("Content-Length: \(smuggled.utf8.count)\r\n", body: smuggled))
        #expect(outcome.requests.count == 1)
        #expect(try #require(outcome.requests.first).bodyString == smuggled)
    }

    @Test func pipelinedRequestsAreParsedInOrder() {
        let pipeline = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + Self.post("Content-Length: 3\r\n", body: "abc").replacingOccurrences(of: "POST /", with: "POST /2")
            + "PUT /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\n\r\n"
            + "\r\nHEAD /4 HTTP/1.0\r\n\r\n"
            + "DELETE /5 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "GET /6 HTTP/1.1\r\nHo"
        let outcome = ParseOutcome.of(pipeline)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.head.target) == ["/1", "/2", "/3", "/4", "/5"])
        #expect(outcome.requests.map(\.bodyString) == ["", "abc", "de", "", ""])
        #expect(outcome.unconsumed == "GET /6 HTTP/1.1\r\nHo".utf8.count)
    }

    @Test func nothingAfterAnErrorIsParsed() {
        let outcome = ParseOutcome.of("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\n\r\nGET /3 HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.requests.map(\.head.target) == ["/1"])
        #expect(outcome.status == 400)
    }
}
