import Postgres

/// A sponsor's word on an amend: make it, wait, talk it over first, or better not at all.
public enum ReviewVerdict: String, Codable, Sendable, CaseIterable {
    case goAhead = "go_ahead"
    case wait
    case talkFirst = "talk_first"
    case notAdvisable = "not_advisable"

    /// Waiting and advising against need a reason.
    var needsNote: Bool { self == .wait || self == .notAdvisable }
}

extension ReviewVerdict: PostgresCodable {}
