/// One file of the browser app, held in memory: its path under `Public/`, its bytes, its
/// media type and the entity tag it is served with.
public struct BrowserAsset: Sendable {
    /// Relative to `Public/`, with `/` separators: `app.js`, `views/home.js`.
    public let path: String
    public let body: [UInt8]
    public let contentType: String
    /// A strong validator over the bytes, quoted as `ETag` wants it.
    public let etag: String

    init(path: String, body: [UInt8]) {
        self.path = path
        self.body = body
        self.contentType = Self.contentType(of: path)
        self.etag = "\"\(Fingerprint(of: body).hex)\""
    }

    /// The media type by file extension; text types carry `charset=utf-8`.
    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last ?? "" {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json", "webmanifest": "application/json; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "png": "image/png"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }
}
