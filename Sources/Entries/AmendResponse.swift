/// How the person received an amend that was made.
public enum AmendResponse: String, Codable, Sendable, CaseIterable {
    case accepted
    case declined
    case noResponse = "no_response"
    case notAsked = "not_asked"
}
