/// A route's path pattern, e.g. `/v1/entries/{id}/shares/{sponsorshipId}`: literal segments
/// and whole-segment `{name}` parameters. Matching is segment-wise and strict: `/v1/me/`
/// (trailing slash) and `/v1//me` (empty segment) match nothing.
struct PathTemplate: Sendable {
    enum Segment: Hashable, Sendable {
        case literal(String)
        case parameter(String)
    }

    let text: String
    let segments: [Segment]

    /// Parses a template; a malformed one is a programming error and stops the process.
    init(_ text: String) {
        guard let segments = Self.split(text) else {
            preconditionFailure("route template must start with / and have no empty segments: \(text)")
        }
        self.text = text
        self.segments = segments.map { segment in
            guard segment.hasPrefix("{") else {
                precondition(!segment.contains { "{}%".contains($0) }, "malformed literal segment in \(text)")
                return .literal(String(segment))
            }
            let name = segment.dropFirst().dropLast()
            precondition(
                segment.hasSuffix("}") && name.first.map { !$0.isNumber } == true
                    && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") },
                "malformed parameter segment in \(text)")
            return .parameter(String(name))
        }
        precondition(Set(parameterNames).count == parameterNames.count, "duplicate parameter name in \(text)")
    }

    /// The names of the `{name}` segments, in path order.
    var parameterNames: [String] {
        segments.compactMap { if case .parameter(let name) = $0 { name } else { nil } }
    }

    /// Splits a raw path (`/v1/me` → `["v1", "me"]`, `/` → `[]`); nil when it does not start
    /// with `/`. Segments stay percent-encoded.
    static func split(_ path: some StringProtocol) -> [Substring]? {
        guard path.hasPrefix("/") else { return nil }
        let rest = path.dropFirst()
        return rest.isEmpty ? [] : rest.split(separator: "/", omittingEmptySubsequences: false).map { Substring($0) }
    }
}
