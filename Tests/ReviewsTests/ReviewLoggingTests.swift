import Testing
import TestSupport

/// Review events and refusals are logged (who, what, result); a verdict's note never is.
@Suite struct ReviewLoggingTests {
    @Test func eventsAndRefusalsAreLoggedAndNotesNeverAre() throws {
        let app = try TestApp.start()
        let api = TestAPI(app: app)
        let pair = try api.amendPair()
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let secret = "Her husband must never hear about the money"
        try api.verdict("wait", note: secret, on: review.id, as: pair.sponsor).expect(200)
        try api.verdict("go_ahead", on: review.id, as: pair.owner).expect(403)
        let stranger = try api.register("Stranger")
        try api.withdraw(review.id, as: stranger).expect(404)
        try api.withdraw(review.id, as: pair.owner).expect(204)

        let refusals = app.logs.events("review_access_denied")
        #expect(refusals.count == 2)
        #expect(refusals.contains { $0.contains("user_id=\(pair.owner.id)") && $0.contains("refusal=forbidden") })
        #expect(refusals.contains { $0.contains("user_id=\(stranger.id)") && $0.contains("refusal=not_visible") })
        #expect(app.logs.events("review_requested").count == 1)
        #expect(app.logs.events("review_decided").count == 1)
        #expect(app.logs.events("review_withdrawn").count == 1)
        #expect(!app.logs.all.contains { $0.contains("husband") })
    }
}
