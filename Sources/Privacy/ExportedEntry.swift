import Comments
import Entries
import Permissions
import Reviews

/// An entry in the export: the entry as its owner sees it, with its shares, its whole thread,
/// its reviews and its access log.
struct ExportedEntry: Encodable {
    let entry: Entry
    let shares: [Share]
    let comments: [Comment]
    let reviews: [Review]
    let accessLog: [AccessLogItem]

    private enum CodingKeys: String, CodingKey { case shares, comments, reviews, accessLog }

    func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shares, forKey: .shares)
        try container.encode(comments, forKey: .comments)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(accessLog, forKey: .accessLog)
    }
}
