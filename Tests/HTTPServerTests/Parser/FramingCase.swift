import Testing

/// One request, named, and the status it must be refused with (nil: it must parse).
struct FramingCase: Sendable, CustomTestStringConvertible {
    let name: String
    let request: String
    let status: Int?

    init(_ name: String, _ request: String, _ status: Int?) {
        self.name = name
        self.request = request
        self.status = status
    }

    var testDescription: String { name }
}
