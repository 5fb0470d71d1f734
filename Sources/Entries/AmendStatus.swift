/// Where a planned amend stands; a new amend is `planned`.
public enum AmendStatus: String, Codable, Sendable, CaseIterable {
    case planned
    case ready
    case made
    case deferred
    case notAdvisable = "not_advisable"
}
