/// How an amend is (to be) made: face to face, by phone, by text or email, by letter (sent or
/// not), indirectly (something done in the person's honour), or as a living amend (changed
/// behaviour over time).
public enum AmendMethod: String, Codable, Sendable, CaseIterable {
    case inPerson = "in_person"
    case phone
    case message
    case letter
    case unsentLetter = "unsent_letter"
    case indirect
    case living
}
