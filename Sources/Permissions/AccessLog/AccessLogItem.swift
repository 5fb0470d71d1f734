import Auth
import Foundation
import Postgres

/// One row of an access log as the API shows it: who read, what, and when. `entryId` is
/// sent only in the caller's log across all their entries (`GET /v1/me/access-log`).
public struct AccessLogItem: Encodable, Sendable, Equatable {
    public let at: Date
    public let viewer: UserSummary
    public let what: ReadTarget
    public let entryId: UUID?
    let position: AccessLogPosition

    /// Reads a row with the columns of the log's pages (`AccessLog`).
    public init(row: PostgresRow, withEntryId: Bool) throws {
        at = try row.decode("at")
        viewer = UserSummary(id: try row.decode("viewer_id"), displayName: try row.decode("viewer_name"))
        what = try row.decode("what")
        entryId = withEntryId ? try row.decode("entry_id") : nil
        position = AccessLogPosition(micros: try row.decode("at_micros"), id: try row.decode("id"))
    }

    private enum CodingKeys: String, CodingKey { case at, viewer, what, entryId }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(at, forKey: .at)
        try container.encode(viewer, forKey: .viewer)
        try container.encode(what, forKey: .what)
        try container.encodeIfPresent(entryId, forKey: .entryId)
    }
}
