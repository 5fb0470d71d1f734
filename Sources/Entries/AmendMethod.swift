/// How an amend is (to be) made.
public enum AmendMethod: String, Codable, Sendable, CaseIterable {
    case inPerson = "in_person"
    case phone
    case letter
    case indirect
    case living
}
