import Browser
import Foundation
import Testing
import TestSupport

/// The browser app over a real socket: the page, its fingerprinted assets, caching and headers.
@Suite struct BrowserRoutesTests {
    /// The asset paths `index.html` refers to, in order.
    static func references(in html: String) -> [String] {
        html.split(separator: "\"").map(String.init).filter { $0.hasPrefix("/assets/") }
    }

    @Test func pageIsServedWithThePolicyAndRevalidatedByETag() throws {
        let app = try TestApp.start()
        let page = try app.request("GET", "/")
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Cache-Control") == "no-cache")
        let policy = try #require(page.header("Content-Security-Policy"))
        #expect(policy.contains("default-src 'self'"))
        #expect(policy.contains("frame-ancestors 'none'"))
        #expect(!policy.contains("unsafe-inline"))
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        #expect(page.header("Referrer-Policy") == "no-referrer")
        let etag = try #require(page.header("ETag"))

        let again = try app.request("GET", "/", headers: [("If-None-Match", etag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("ETag") == etag)
        #expect(try app.request("GET", "/", headers: [("If-None-Match", "\"other\"")]).status == 200)
    }

    @Test func everyReferencedAssetIsFingerprintedAndCachedForAYear() throws {
        let app = try TestApp.start()
        let references = Self.references(in: try app.request("GET", "/").bodyString)
        #expect(references.count >= 3, "icon, style sheet and script")
        let prefix = try #require(references.first.map { $0.split(separator: "/").prefix(2).joined(separator: "/") })
        #expect(references.allSatisfy { $0.hasPrefix("/\(prefix)/") }, "one fingerprint for every file")
        for path in references {
            let asset = try app.request("GET", path)
            #expect(asset.status == 200, "\(path)")
            #expect(asset.header("Cache-Control") == "public, max-age=31536000, immutable")
            #expect(asset.header("ETag") != nil)
        }
        let script = try app.request("GET", try #require(references.first { $0.hasSuffix("/app.js") }))
        #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
        // Relative module imports resolve under the same prefix.
        #expect(try app.request("GET", "/\(prefix)/views/home.js").status == 200)
        #expect(try app.request("GET", "/\(prefix)/missing.js").status == 404)
        #expect(try app.request("GET", "/assets/0000000000000000/app.js").status == 404)
    }

    @Test func theFirstLoadStaysUnder150KB() throws {
        let app = try TestApp.start()
        let page = try app.request("GET", "/")
        var total = page.body.count
        var seen: Set<String> = []
        var queue = Self.references(in: page.bodyString)
        let prefix = try #require(queue.first).split(separator: "/").prefix(2).joined(separator: "/")
        // Follow the module graph: every `from './x.js'` / `from '../x.js'` of every script.
        while let path = queue.popLast() {
            guard seen.insert(path).inserted else { continue }
            let asset = try app.request("GET", path)
            #expect(asset.status == 200, "\(path)")
            total += asset.body.count
            guard path.hasSuffix(".js") else { continue }
            let directory = path.split(separator: "/").dropLast().joined(separator: "/")
            for match in asset.bodyString.matches(of: /from '(\.{1,2}\/[^']+)'/) {
                let relative = String(match.1)
                let resolved = relative.hasPrefix("../")
                    ? "/\(prefix)/" + relative.dropFirst(3)
                    : "/\(directory)/" + relative.dropFirst(2)
                queue.append(resolved)
            }
        }
        #expect(seen.count > 10)
        #expect(total < 150 * 1024, "first load transfers \(total) bytes")
    }

    @Test func anAppWithoutIndexPageIsRefusedAtStart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("body {}".utf8).write(to: directory.appendingPathComponent("app.css"))
        #expect(throws: BrowserAssetsError.self) { try BrowserApp(directory: directory) }
    }

    @Test func assetPrefixChangesWithAnyFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("<script type=\"module\" src=\"./app.js\"></script>".utf8).write(to: directory.appendingPathComponent("index.html"))
        try Data("1".utf8).write(to: directory.appendingPathComponent("app.js"))
        let first = try BrowserApp(directory: directory)
        #expect(String(decoding: first.page.body, as: UTF8.self) == "<script type=\"module\" src=\"\(first.prefix)app.js\"></script>")
        #expect(first.assets["\(first.prefix)app.js"] != nil)
        try Data("2".utf8).write(to: directory.appendingPathComponent("app.js"))
        let second = try BrowserApp(directory: directory)
        #expect(first.prefix != second.prefix)
    }
}
