import Foundation

/// The browser app, loaded once into memory: `index.html` with its asset references pointed
/// at a fingerprinted prefix, and every other file of `Public/` under that prefix.
///
/// The prefix, `/assets/<fingerprint of every file>/`, changes whenever any file does, so
/// assets can be cached for a year; relative ES-module imports resolve under it too.
public struct BrowserApp: Sendable {
    /// `index.html`, rewritten; served at `/`.
    public let page: BrowserAsset
    /// Every other file, by its URL path (`/assets/<fingerprint>/app.js`).
    public let assets: [String: BrowserAsset]
    /// `/assets/<fingerprint>/`.
    public let prefix: String

    /// The app from the package's resources (`Sources/Browser/Public`).
    public static func load() throws(BrowserAssetsError) -> BrowserApp {
        guard let directory = Bundle.module.url(forResource: "Public", withExtension: nil) else {
            throw BrowserAssetsError("the browser app's files (Public/ in the Stepwork_Browser resources) are missing")
        }
        return try BrowserApp(directory: directory)
    }

    /// The app from the files under `directory`; `index.html` must be one of them.
    public init(directory: URL) throws(BrowserAssetsError) {
        let files = try Self.read(directory)
        guard let index = files.first(where: { $0.path == "index.html" }) else {
            throw BrowserAssetsError("the browser app has no index.html in \(directory.path)")
        }
        var fingerprint = Fingerprint()
        for file in files {
            fingerprint.add(file.path.utf8)
            fingerprint.add(file.body)
        }
        prefix = "/assets/\(fingerprint.hex)/"
        let html = String(decoding: index.body, as: UTF8.self)
            .replacingOccurrences(of: "src=\"./", with: "src=\"\(prefix)")
            .replacingOccurrences(of: "href=\"./", with: "href=\"\(prefix)")
        page = BrowserAsset(path: index.path, body: Array(html.utf8))
        var assets: [String: BrowserAsset] = [:]
        for file in files where file.path != index.path {
            assets[prefix + file.path] = file
        }
        self.assets = assets
    }

    /// Every regular file under `directory`, with paths relative to it, sorted.
    private static func read(_ directory: URL) throws(BrowserAssetsError) -> [BrowserAsset] {
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw BrowserAssetsError("cannot read the browser app's directory \(root)")
        }
        var files: [BrowserAsset] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BrowserAssetsError("cannot read the browser app's file \(path)")
            }
            files.append(BrowserAsset(path: relative, body: Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
