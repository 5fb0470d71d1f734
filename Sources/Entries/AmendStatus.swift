/// Where an amend stands, from a name on the Step 8 list the sponsee is not yet willing to
/// approach to an amend made; a new amend is `planned`.
public enum AmendStatus: String, Codable, Sendable, CaseIterable {
    case notYetWilling = "not_yet_willing"
    case planned
    case ready
    case made
    case deferred
    case notAdvisable = "not_advisable"
}
