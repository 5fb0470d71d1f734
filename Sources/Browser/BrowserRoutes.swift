import Foundation
import HTTPServer
import Web

/// `GET /` (the app's page, revalidated on every load) and one `GET` route per asset under
/// the fingerprinted prefix (cached for a year). Public: they carry no user data.
public struct BrowserRoutes: Sendable {
    /// The app's policy: its own files only, no inline script or style, never framed.
    static let contentSecurityPolicy =
        "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'"

    private let app: BrowserApp

    public init(app: BrowserApp) { self.app = app }

    public func register(on routes: RouterGroup) {
        let page = app.page
        routes.get("/", access: .public, inline: true) { request, _ in
            Self.answer(request, with: page, cacheControl: "no-cache")
        }
        for (path, asset) in app.assets {
            routes.get(path, access: .public, inline: true) { request, _ in
                Self.answer(request, with: asset, cacheControl: "public, max-age=31536000, immutable")
            }
        }
    }

    /// `200` with the file, or `304` when the client's `If-None-Match` names its tag.
    static func answer(_ request: Request, with asset: BrowserAsset, cacheControl: String) -> HTTPResponse {
        var headers: HTTPHeaders = [
            "ETag": asset.etag,
            "Cache-Control": cacheControl,
            "Content-Security-Policy": contentSecurityPolicy,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        ]
        let tags = request.headers.values(for: "If-None-Match")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if tags.contains(asset.etag) || tags.contains("W/" + asset.etag) || tags.contains("*") {
            return HTTPResponse(status: HTTPStatus(code: 304, reason: "Not Modified"), headers: headers)
        }
        headers.add("Content-Type", asset.contentType)
        return HTTPResponse(status: .ok, headers: headers, body: asset.body)
    }
}
