/// Whether making an amend could injure the person, others, or the sponsee ("except when to do
/// so would injure them or others"); an amend without one has not been considered yet.
public enum AmendRisk: String, Codable, Sendable, CaseIterable {
    case none
    case possible
    case likely
}
