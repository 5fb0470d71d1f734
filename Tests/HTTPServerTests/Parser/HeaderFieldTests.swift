import HTTPServer
import Testing

@Suite("Parser: header fields, Host, Expect")
struct HeaderFieldTests {
    @Test(arguments: [
        FramingCase("CRLF everywhere", "GET / HTTP/1.1\r\nHost: a\r\n\r\n", nil),
        FramingCase("bare LF ends the request line", "GET / HTTP/1.1\nHost: a\r\n\r\n", 400),
        FramingCase("bare LF ends a field", "GET / HTTP/1.1\r\nHost: a\nX: y\r\n\r\n", 400),
        FramingCase("bare LF ends the head", "GET / HTTP/1.1\r\nHost: a\r\n\n", 400),
        FramingCase("LF-only head, never ended by CRLF", "GET / HTTP/1.1\nHost: a\n\n", 400),
        FramingCase("lone LF before the request", "\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("bare CR in the request line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        FramingCase("bare CR in a value", "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", 400),
        FramingCase("CR CR LF", "GET / HTTP/1.1\r\r\nHost: a\r\n\r\n", 400),
    ])
    func lineEndings(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func bareLineFeedIsRefusedBeforeTheHeadEnds() {
        // A client ending lines in LF alone would never send CRLF CRLF: answer at once.
        #expect(ParseOutcome.of("GET / HTTP/1.1\n").status == 400)
    }

    @Test(arguments: [
        FramingCase("token characters in a name", "GET / HTTP/1.1\r\nHost: a\r\nX-Ok_Name!#$%&'*+.^`|~9: v\r\n\r\n", nil),
        FramingCase("space inside a name", "GET / HTTP/1.1\r\nHost: a\r\nBad Name: v\r\n\r\n", 400),
        FramingCase("parenthesis in a name", "GET / HTTP/1.1\r\nHost: a\r\nBad(Name): v\r\n\r\n", 400),
        FramingCase("non-ASCII name", "GET / HTTP/1.1\r\nHost: a\r\nN\u{E4}me: v\r\n\r\n", 400),
        FramingCase("empty name", "GET / HTTP/1.1\r\nHost: a\r\n: v\r\n\r\n", 400),
        FramingCase("no colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
        FramingCase("space before the colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
        FramingCase("tab before the colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400),
        FramingCase("obs-fold with a space", "GET / HTTP/1.1\r\nHost: a\r\nX: one\r\n two\r\n\r\n", 400),
        FramingCase("obs-fold with a tab", "GET / HTTP/1.1\r\nHost: a\r\nX: one\r\n\ttwo\r\n\r\n", 400),
        FramingCase("space before the first field", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400),
        FramingCase("NUL in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", 400),
        FramingCase("control byte in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{1B}b\r\n\r\n", 400),
        FramingCase("DEL in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u{7F}b\r\n\r\n", 400),
        FramingCase("tab and UTF-8 in a value", "GET / HTTP/1.1\r\nHost: a\r\nX: b\u{E4}r\tbaz\r\n\r\n", nil),
        FramingCase("empty value", "GET / HTTP/1.1\r\nHost: a\r\nX:\r\n\r\n", nil),
    ])
    func fieldSyntax(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func valuesAreTrimmedAndKeepTheirOrder() throws {
        let outcome = ParseOutcome.of("GET / HTTP/1.1\r\nHost: a\r\nX-A: \t one two \t\r\nx-a:2\r\nX-B: b\u{E4}r\r\n\r\n")
        let headers = try #require(outcome.requests.first).head.headers
        #expect(headers.values(for: "x-a") == ["one two", "2"])
        #expect(headers["X-B"] == "b\u{E4}r")
        #expect(headers.fields.map(\.name) == ["Host", "X-A", "x-a", "X-B"])
    }

    @Test(arguments: [
        FramingCase("HTTP/1.1 with one Host", "GET / HTTP/1.1\r\nHost: example.org:8080\r\n\r\n", nil),
        FramingCase("HTTP/1.1 with an IPv6 Host", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", nil),
        FramingCase("HTTP/1.1 with an empty Host", "GET / HTTP/1.1\r\nHost:\r\n\r\n", nil),
        FramingCase("HTTP/1.1 without Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
        FramingCase("HTTP/1.1 with two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", 400),
        FramingCase("HTTP/1.1 with two Hosts in other case", "GET / HTTP/1.1\r\nHost: a\r\nhOST: b\r\n\r\n", 400),
        FramingCase("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        FramingCase("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        FramingCase("Host with userinfo", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", 400),
        FramingCase("Host with a list", "GET / HTTP/1.1\r\nHost: a, b\r\n\r\n", 400),
        FramingCase("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", nil),
        FramingCase("HTTP/1.0 with one Host", "GET / HTTP/1.0\r\nHost: a\r\n\r\n", nil),
        FramingCase("HTTP/1.0 with two Hosts", "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        FramingCase("HTTP/1.0 with a malformed Host", "GET / HTTP/1.0\r\nHost: a\"b\r\n\r\n", 400),
    ])
    func host(_ framing: FramingCase) {
        #expect(ParseOutcome.of(framing.request).status == framing.status)
    }

    @Test func expectContinueIsAnnouncedWithTheHead() throws {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n"
        let waiting = ParseOutcome.of(head)
        #expect(waiting.requests.isEmpty && waiting.pendingHead != nil && waiting.pendingContinue)
        let complete = ParseOutcome.of(head + "ok")
        #expect(try #require(complete.requests.first).announcedContinue == true)
        #expect(complete.requests.first?.bodyString == "ok")
    }

    @Test func expectContinueWithoutABodyOrFromHTTP10AsksForNothing() {
        let bodiless = ParseOutcome.of("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n")
        #expect(bodiless.requests.count == 1 && bodiless.requests.first?.announcedContinue == nil)
        let old = ParseOutcome.of("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n")
        #expect(old.pendingHead != nil && !old.pendingContinue)
    }

    @Test(arguments: ["100-continue-please", "200-ok", "", "100-continue, foo", "100-continue\r\nExpect: foo"])
    func otherExpectationsAre417(_ expectation: String) {
        let request = "POST / HTTP/1.1\r\nHost: a\r\nExpect: \(expectation)\r\nContent-Length: 1\r\n\r\nx"
        #expect(ParseOutcome.of(request).status == 417)
    }

    @Test func repeatedContinueExpectationIsStillOne() {
        let request = "POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nexpect: 100-CONTINUE\r\nContent-Length: 1\r\n\r\n"
        let outcome = ParseOutcome.of(request)
        #expect(outcome.error == nil && outcome.pendingContinue)
    }
}
