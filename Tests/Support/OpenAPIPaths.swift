import Foundation

/// The operations an OpenAPI document declares, as (method, path template) pairs.
///
/// The toolchain has no YAML parser, so this reads the layout `openapi.yaml` keeps on
/// purpose: under the top-level `paths:` key, each path template is a key indented by two
/// spaces and each of its operations a method key indented by four. Everything else (path
/// level `parameters`, deeper keys, comments, other sections) is skipped; flow style
/// (`/a: {get: …}`) is not read. Within an operation, list items
/// `- $ref: '#/components/parameters/Name'` are read as the parameters it refers to.
public struct OpenAPIPaths: Sendable {
    /// One operation, e.g. `PUT /v1/entries/{id}/shares/{sponsorshipId}`.
    public struct Operation: Hashable, Sendable, CustomStringConvertible {
        /// Upper case, as on the wire: `GET`.
        public let method: String
        public let template: String

        public init(_ method: String, _ template: String) {
            self.method = method
            self.template = template
        }

        public var description: String { "\(method) \(template)" }
    }

    /// The method keys of an OpenAPI 3.1 Path Item.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The repository's `openapi.yaml` (this file is `Tests/Support/OpenAPIPaths.swift`).
    public static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi.yaml")

    public let operations: Set<Operation>
    /// The `components.parameters` each operation refers to itself (path-level ones not included).
    public let parameters: [Operation: Set<String>]

    /// Reads the document at `url`.
    public init(contentsOf url: URL = documentURL) throws {
        self.init(yaml: try String(contentsOf: url, encoding: .utf8))
    }

    public init(yaml: String) {
        var operations: Set<Operation> = []
        var parameters: [Operation: Set<String>] = [:]
        var inPaths = false
        var template: String?
        var operation: Operation?
        // `\r\n` is one Character, and a newline like `\n`.
        for line in yaml.split(whereSeparator: \.isNewline) {
            let content = line.drop { $0 == " " }
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let key = Self.key(of: content)
            switch line.count - content.count {
            case 0:
                inPaths = key == "paths"
                template = nil
                operation = nil
            case 2 where inPaths:
                template = key.flatMap { $0.hasPrefix("/") ? $0 : nil }
                operation = nil
            case 4 where inPaths:
                operation = nil
                if let template, let key, Self.methods.contains(key) {
                    operation = Operation(key.uppercased(), template)
                    operations.insert(operation!)
                }
            default:
                let reference = "- $ref: '#/components/parameters/"
                if let operation, content.hasPrefix(reference), content.hasSuffix("'") {
                    parameters[operation, default: []].insert(String(content.dropFirst(reference.count).dropLast()))
                }
            }
        }
        self.operations = operations
        self.parameters = parameters
    }

    /// The key of a `key:` or `key: value` line, without quotes; nil for any other line.
    private static func key(of content: Substring) -> String? {
        guard let colon = content.firstIndex(of: ":") else { return nil }
        let rest = content[content.index(after: colon)...]
        guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
        var key = content[..<colon]
        if let quote = key.first, quote == "'" || quote == "\"", key.count >= 2, key.last == quote {
            key = key.dropFirst().dropLast()
        }
        return String(key)
    }
}
