/// Why the browser app's files could not be loaded at start.
public struct BrowserAssetsError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
