import Foundation
import TestSupport

/// A sponsee who shares entries with a sponsor, and a stranger: the cast of these tests.
struct Cast {
    let scenario: Scenario
    let owner: User
    let sponsor: User
    let stranger: User
    let sponsorshipId: String

    init(_ scenario: Scenario) throws {
        self.scenario = scenario
        owner = try scenario.register("Sam")
        sponsor = try scenario.register("Alex")
        stranger = try scenario.register("Kim")
        sponsorshipId = try scenario.sponsorship(sponsor: sponsor, sponsee: owner)
    }

    /// A new entry of the owner, shared with the sponsor at `access` (or not shared).
    func entry(_ title: String = "Today", sharedAs access: String? = "comment") throws -> String {
        let id = try scenario.entryId(of: owner, ["kind": "journal", "title": title, "body": "Body of \(title)"])
        if let access { try scenario.share(id, through: sponsorshipId, access: access, as: owner) }
        return id
    }
}

extension TestHTTPResponse {
    /// `what` of each item of an access log page, newest first.
    func whats() throws -> [String] {
        try items().map { $0["what"] as? String ?? "" }
    }
}

/// The default password of `TestApp.register`.
let password = "correct horse battery staple"
