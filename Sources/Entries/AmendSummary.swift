import Postgres

/// `GET /v1/amends/summary`: where a sponsee's own amends stand, counted in one query.
public struct AmendSummary: Encodable, Sendable, Equatable {
    public let total: Int
    /// Every status, with `0` for those no amend has.
    public let byStatus: [String: Int]
    /// Amends not yet made whose risk to others has not been considered.
    public let riskUnconsidered: Int
    /// Amends not made whose `revisitOn` is today (UTC) or earlier.
    public let revisitDue: Int
    /// Review requests on the owner's amends that no sponsor has decided yet.
    public let awaitingReview: Int

    /// Reads the row of `EntryStore.amendSummary`, one column per status named by its raw value.
    init(row: PostgresRow) throws {
        total = try row.decode("total")
        var byStatus: [String: Int] = [:]
        for status in AmendStatus.allCases {
            byStatus[status.rawValue] = try row.decode(status.rawValue)
        }
        self.byStatus = byStatus
        riskUnconsidered = try row.decode("risk_unconsidered")
        revisitDue = try row.decode("revisit_due")
        awaitingReview = try row.decode("awaiting_review")
    }
}
