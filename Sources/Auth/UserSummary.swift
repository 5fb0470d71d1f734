import Foundation
import Web

/// A user as other people see them: the `{"id","displayName"}` of owners, sponsors and authors.
public struct UserSummary: Codable, Sendable, Equatable {
    public let id: UUID
    public let displayName: String

    public init(id: UUID, displayName: String) {
        self.id = id
        self.displayName = displayName
    }
}

extension UserSummary: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("displayName")
            writer.value(displayName)
            writer.key("id")
            writer.value(id)
        }
    }
}
