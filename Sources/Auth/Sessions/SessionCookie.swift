import HTTPServer
import Web

/// The browser's session: the token in an `HttpOnly; SameSite=Strict` cookie that script
/// cannot read, `Secure` when the public origin is `https`.
public struct SessionCookie: Sendable {
    public static let name = "stepwork_session"

    /// Where the app is served from; cookie-authenticated writes must name it in `Origin`.
    public let origin: PublicOrigin

    public init(origin: PublicOrigin) {
        self.origin = origin
    }

    /// The cookie's value in the request's `Cookie` headers, if sent exactly once.
    func value(in headers: HTTPHeaders) -> Substring? {
        var found: [Substring] = []
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == Self.name else { continue }
                found.append(trimmed[trimmed.index(after: equals)...])
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// `Set-Cookie` for a new session lasting at most `maxAge` seconds.
    func setting(token: String, maxAge: Int) -> String {
        "\(Self.name)=\(token); \(attributes); Max-Age=\(maxAge)"
    }

    /// `Set-Cookie` that makes the browser forget the session.
    var clearing: String {
        "\(Self.name)=; \(attributes); Max-Age=0"
    }

    private var attributes: String {
        "Path=/; HttpOnly; SameSite=Strict" + (origin.isSecure ? "; Secure" : "")
    }
}
