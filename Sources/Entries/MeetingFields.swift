import Web

/// The `fields` of a `meeting` entry.
public struct MeetingFields: Codable, Sendable, Equatable {
    /// `YYYY-MM-DD`.
    public var date: String
    public var name: String?

    public init(date: String, name: String? = nil) {
        self.date = date
        self.name = name
    }

    /// Every key, an absent name as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(date, forKey: .date)
        try container.encode(name, forKey: .name)
    }
}

extension MeetingFields: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("date")
            writer.value(date)
            writer.key("name")
            writer.value(name)
        }
    }
}
