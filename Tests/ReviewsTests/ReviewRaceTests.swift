import Foundation
import Postgres
import Synchronization
import Testing
import TestSupport

/// The access check and the verdict share one transaction: a revoke or an ended sponsorship
/// that commits first always wins, and one already allowed commits before the loss does.
@Suite struct ReviewRaceTests {
    /// The sponsor's verdict is held up inside its transaction, after its access check (on
    /// the review's row, which the verdict locks next); the loss of access must then wait for
    /// it to commit rather than overtake it, and no verdict is accepted after the loss.
    @Test(arguments: Loss.allCases)
    func aLossOfAccessWaitsForAVerdictAlreadyAllowed(_ loss: Loss) throws {
        let app = try TestApp.start()
        let api = TestAPI(app: app)
        let pair = try api.amendPair()
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocker = BackgroundCall {
            try app.pool.withTransaction { connection in
                try connection.execute("SELECT 1 FROM stepwork.reviews WHERE id = \(review.id)::uuid FOR UPDATE")
                holding.signal()
                release.wait()
            }
        }
        holding.wait()

        let verdict = BackgroundCall { try api.verdict("go_ahead", on: review.id, as: pair.sponsor) }
        try waitUntil("the verdict to block") { try app.lockWaiters() >= 1 || verdict.isFinished }
        let lossCall = BackgroundCall { try loss.apply(to: pair) }
        try waitUntil("the loss to block or finish") { try app.lockWaiters() >= 2 || lossCall.isFinished }
        let overtook = lossCall.isFinished
        release.signal()
        try blocker.join()
        let decided = try verdict.join()
        let lost = try lossCall.join()

        #expect(!overtook, "the loss of access committed while an allowed verdict was in flight")
        #expect(decided.status == 200)
        #expect(lost.status == 204)
        let stored = try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self)
        #expect(stored.verdict == "go_ahead")
        let late = try api.verdict("wait", note: "Not yet", on: review.id, as: pair.sponsor)
        #expect(late.status == 404)
        #expect(try api.showReview(review.id, as: pair.sponsor).status == 404)
        #expect(try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self) == stored)
    }

    /// Verdicts race one loss of access: the review as the owner reads it right after the
    /// loss's `204` is final (nothing landed after), it is the latest verdict answered `200`,
    /// and every verdict sent after the `204` is refused.
    @Test(arguments: Loss.allCases)
    func verdictsRacingALossOfAccessNeverLandAfterIt(_ loss: Loss) throws {
        let api = TestAPI(app: try TestApp.start())
        let pair = try api.amendPair()
        let review = try api.review(of: pair.entryId, through: pair.sponsorshipId, by: pair.owner)
        let race = RaceState()
        let deciders = 4
        let outcomes = concurrently(deciders + 1, threads: deciders + 1) { index -> [VerdictOutcome] in
            if index == 0 {
                try waitUntil("verdicts before the loss") { race.accepted >= 12 }
                try loss.apply(to: pair).expect(204)
                race.lossAnswered()
                race.reviewAfterLoss(try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self))
                return []
            }
            var outcomes: [VerdictOutcome] = []
            var sentAfterLoss = 0
            while sentAfterLoss < 3 && outcomes.count < 5_000 {
                let afterLoss = race.isLossAnswered
                let note = "Verdict \(index)-\(outcomes.count)"
                let reply = try api.verdict("talk_first", note: note, on: review.id, as: pair.sponsor)
                if reply.status == 200 { race.accept() }
                outcomes.append(VerdictOutcome(status: reply.status, note: note, sentAfterLoss: afterLoss))
                if afterLoss { sentAfterLoss += 1 }
            }
            return outcomes
        }
        let verdicts = try outcomes.flatMap { try $0.get() }
        let final = try api.showReview(review.id, as: pair.owner).decode(ReviewJSON.self)

        #expect(verdicts.allSatisfy { $0.status == 200 || $0.status == 404 }, "\(Set(verdicts.map(\.status)))")
        #expect(verdicts.filter { $0.status == 200 }.count >= 12)
        #expect(race.readAfterLoss == final, "nothing landed after the loss committed")
        #expect(verdicts.contains { $0.status == 200 && $0.note == final.note }, "the stored note was answered 200")
        let late = verdicts.filter(\.sentAfterLoss)
        #expect(late.count == 3 * deciders)
        #expect(late.allSatisfy { $0.status == 404 })
    }

    /// Twelve requests for the same review at once: exactly one is created, the others are
    /// told one is pending.
    @Test func concurrentRequestsCreateOneReview() throws {
        let api = TestAPI(app: try TestApp.start())
        let pair = try api.amendPair()
        let replies = try concurrently(12, threads: 12) { _ in
            try api.requestReview(of: pair.entryId, through: pair.sponsorshipId, as: pair.owner)
        }.map { try $0.get() }
        #expect(replies.filter { $0.status == 201 }.count == 1)
        #expect(replies.filter { $0.status == 409 && $0.code == "review_pending" }.count == 11)
        #expect(try api.reviews(of: pair.entryId, as: pair.owner).decode(ReviewPageJSON.self).items.count == 1)
    }
}

/// One verdict of the race: its answer, its note, and whether it was sent after the loss was answered.
private struct VerdictOutcome: Sendable {
    let status: Int
    let note: String
    let sentAfterLoss: Bool
}

/// What the threads of a race share.
private final class RaceState: Sendable {
    private let state = Mutex<(accepted: Int, lossAnswered: Bool, review: ReviewJSON?)>((0, false, nil))

    var accepted: Int { state.withLock { $0.accepted } }
    func accept() { state.withLock { $0.accepted += 1 } }

    var isLossAnswered: Bool { state.withLock { $0.lossAnswered } }
    func lossAnswered() { state.withLock { $0.lossAnswered = true } }

    var readAfterLoss: ReviewJSON? { state.withLock { $0.review } }
    func reviewAfterLoss(_ review: ReviewJSON) { state.withLock { $0.review = review } }
}
