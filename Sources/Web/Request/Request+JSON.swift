import Foundation

extension Request {
    /// How deeply arrays and objects may nest in a request body.
    public static let maxJSONDepth = 32

    /// Decodes the body, a JSON object, strictly into `T` (see `JSONValue.decode(_:at:)`).
    ///
    /// Throws `HTTPError`: `415` unless `Content-Type` is `application/json` (charset, if
    /// given, UTF-8) without a content coding; `400 invalid_json` for malformed JSON, too deep
    /// nesting, or a body that is not an object; `400 unknown_field`; `422 validation_failed`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try requireJSONContent()
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body, maxDepth: Self.maxJSONDepth)
        } catch {
            throw HTTPError.invalidJSON(detail: error.description)
        }
        guard case .object = value else { throw HTTPError.invalidJSON(detail: "The body must be a JSON object.") }
        return try value.decode(type)
    }

    private func requireJSONContent() throws(HTTPError) {
        if let coding = headers["Content-Encoding"], !coding.equalsIgnoringASCIICase("identity") {
            throw .unsupportedMediaType(detail: "Content codings are not accepted.")
        }
        let refusal = HTTPError.unsupportedMediaType(detail: "Send the body as Content-Type: application/json.")
        let contentTypes = headers.values(for: "Content-Type")
        guard contentTypes.count == 1, let contentType = contentTypes.first else { throw refusal }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts[0].equalsIgnoringASCIICase("application/json") else { throw refusal }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw refusal }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
            if pair[0].equalsIgnoringASCIICase("charset") && !value.equalsIgnoringASCIICase("utf-8") { throw refusal }
        }
    }
}
