import Foundation
import HTTPServer
import Synchronization

/// The application behind the live tests. Paths under `/inline` are answered on the event
/// loop, the rest on workers:
/// - `/…/hello`: `hello <target>`;
/// - `/…/echo`: the request body back, with `X-Method` and `X-Body-Count`;
/// - `/…/big`: 64 KiB of `x`;
/// - `/…/peer`: the client's address as the server saw it;
/// - `/…/unsafe-headers`: fields that would split the response if written as given, and
///   framing fields that are the server's to write;
/// - `/…/status?code=N`: status N with a body (which bodiless statuses must not send);
/// - `/file?bytes=N`: N bytes (byte i is i % 251) streamed from a temporary file;
/// - `/short-file?bytes=N`: the same file, its body claiming 10 bytes more than it has;
/// - `/sleep?ms=N`: answers after N milliseconds;
/// - `/block`: answers once `gate` opens;
/// - `/stream`: a stream (with a `: beat` heartbeat every `?ms=N`, default 15 s) the test feeds
///   through `streams`.
final class TestResponder: HTTPResponder {
    let gate = Gate()
    /// The streams `/stream` answered with, in order.
    let streams = Mutex<[HTTPStream]>([])
    /// The targets of the requests received, in order.
    private let received = Mutex<[String]>([])

    func canRespondInline(to head: HTTPRequestHead) -> Bool {
        head.path.hasPrefix("/inline/")
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        received.withLock { $0.append(request.head.target) }
        let head = request.head
        let route = head.path.hasPrefix("/inline/") ? head.path.dropFirst("/inline".count) : head.path
        switch route {
        case "/hello":
            return text("hello \(head.target)")
        case "/echo":
            var response = HTTPResponse(status: .ok, body: request.body)
            response.headers.add("X-Method", head.method.rawValue)
            response.headers.add("X-Body-Count", String(request.body.count))
            return response
        case "/big":
            return HTTPResponse(status: .ok, body: Array(repeating: UInt8(ascii: "x"), count: 64 * 1024))
        case "/unsafe-headers":
            let fields = [("X-Good", "ok"), ("X-Bad\r\nInjected", "1"), ("X-Split", "a\r\nInjected: 2"),
                          ("X-Lf", "a\nInjected: 3"), ("X-Nul", "a\u{0}b"), ("Bad Name", "4"), ("", "5"), ("X-Tab", "a\tb"),
                          ("Content-Length", "999"), ("Transfer-Encoding", "chunked"), ("Connection", "upgrade"), ("Date", "x")]
            return HTTPResponse(status: .ok, headers: HTTPHeaders(fields.map { (name: $0.0, value: $0.1) }), body: Array("body".utf8))
        case "/peer":
            return text(request.remoteAddress)
        case "/status":
            let code = head.query.flatMap { Int($0.dropFirst("code=".count)) } ?? 200
            return HTTPResponse(status: HTTPStatus(code: code, reason: "Test"), body: Array("not for bodiless statuses".utf8))
        case "/file", "/short-file":
            let count = head.query.flatMap { Int($0.dropFirst("bytes=".count)) } ?? 0
            return HTTPResponse(status: .ok, bodySource: Self.file(count, claiming: route == "/file" ? count : count + 10))
        case "/sleep":
            let milliseconds = head.query.flatMap { Int($0.dropFirst("ms=".count)) } ?? 100
            Thread.sleep(forTimeInterval: Double(milliseconds) / 1000)
            return text("slept")
        case "/stream":
            let milliseconds = head.query.flatMap { Int($0.dropFirst("ms=".count)) } ?? 15_000
            let stream = HTTPStream(heartbeat: Array(": beat\n\n".utf8), heartbeatInterval: .milliseconds(milliseconds))
            streams.withLock { $0.append(stream) }
            return HTTPResponse(status: .ok, headers: ["Content-Type": "text/event-stream"], stream: stream)
        case "/block":
            gate.wait()
            return text("released")
        default:
            return HTTPResponse(status: .notFound)
        }
    }

    /// How many requests for `target` reached the application.
    func count(_ target: String) -> Int {
        received.withLock { $0.filter { $0 == target }.count }
    }

    /// The `index`th stream `/stream` answered with, once there is one (nil after ten seconds).
    func stream(_ index: Int) -> HTTPStream? {
        for _ in 0..<1000 {
            if let stream = streams.withLock({ $0.count > index ? $0[index] : nil }) { return stream }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    /// The bytes `/file?bytes=count` answers.
    static func fileBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8($0 % 251) }
    }

    /// An unlinked temporary file of `fileBytes(count)` as a body of `length` bytes.
    private static func file(_ count: Int, claiming length: Int) -> HTTPFileBody {
        var template = Array((NSTemporaryDirectory() + "/stepwork-test-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        precondition(fd >= 0, "mkstemp failed")
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        let bytes = fileBytes(count)
        precondition(bytes.withUnsafeBytes { write(fd, $0.baseAddress, count) } == count, "write failed")
        return HTTPFileBody(fd: fd, length: length)
    }

    private func text(_ body: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(body.utf8))
    }
}
