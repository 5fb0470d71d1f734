import Foundation
import Postgres
import Synchronization
import Testing
import TestSupport

/// Access checks and writes share one transaction: a revoke or an ended sponsorship that
/// commits first always wins, and no accepted comment is lost or doubled.
@Suite struct CommentRaceTests {
    /// Many posts race one loss of access. Every `201` is in the thread; nothing lands after
    /// the loss committed (the thread read right after its `204` is the final one); and every
    /// post sent after that `204` is refused.
    @Test(arguments: Loss.allCases)
    func postsRacingALossOfAccessNeverLandAfterIt(_ loss: Loss) throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let race = RaceState()
        let posters = 6
        let outcomes = concurrently(posters + 1, threads: posters + 1) { index -> [PostOutcome] in
            if index == 0 {
                try waitUntil("posts before the loss") { race.accepted >= 20 }
                try loss.apply(to: pair).expect(204)
                race.lossAnswered()
                race.threadAfterLoss(try pair.api.wholeThread(of: pair.entryId, as: pair.owner).map(\.id))
                return []
            }
            var outcomes: [PostOutcome] = []
            var sentAfterLoss = 0
            while sentAfterLoss < 3 && outcomes.count < 5_000 {
                let afterLoss = race.isLossAnswered
                let reply = try pair.api.post("Post \(index)-\(outcomes.count)", on: pair.entryId, as: pair.sponsor)
                let id = reply.status == 201 ? try reply.decode(CommentJSON.self).id : nil
                if id != nil { race.accept() }
                outcomes.append(PostOutcome(status: reply.status, id: id, sentAfterLoss: afterLoss))
                if afterLoss { sentAfterLoss += 1 }
            }
            return outcomes
        }
        let posts = try outcomes.flatMap { try $0.get() }
        let accepted = Set(posts.compactMap(\.id))
        let thread = try pair.api.wholeThread(of: pair.entryId, as: pair.owner)

        #expect(accepted.count >= 20)
        #expect(posts.allSatisfy { $0.status == 201 || $0.status == 404 }, "\(Set(posts.map(\.status)))")
        #expect(Set(thread.map(\.id)) == accepted, "every 201 is stored, and nothing else")
        #expect(thread.count == accepted.count, "no comment twice")
        #expect(race.threadReadAfterLoss == thread.map(\.id), "nothing landed after the loss committed")
        let late = posts.filter(\.sentAfterLoss)
        #expect(late.count == 3 * posters)
        #expect(late.allSatisfy { $0.status == 404 })
        #expect(try pair.api.thread(of: pair.entryId, as: pair.sponsor).status == 404)
    }

    enum Action: String, CaseIterable, Sendable, CustomStringConvertible {
        case post, edit, delete
        var description: String { rawValue }
    }

    /// The sponsor's write is held up inside its transaction, after its access check; the
    /// loss of access must then wait for it to commit rather than overtake it.
    @Test(arguments: Action.allCases, Loss.allCases)
    func aLossOfAccessWaitsForAWriteAlreadyAllowed(_ action: Action, _ loss: Loss) throws {
        let app = try TestApp.start()
        let pair = try Pair(api: CommentsAPI(app: app))
        let own = try pair.api.comment("Before", on: pair.entryId, as: pair.sponsor)
        // The write blocks on this lock just after the policy has locked the share and the
        // sponsorship: a post on the author's row (its foreign key check), an edit or a
        // deletion on the comment's row.
        let lockedRow: PostgresQuery = action == .post
            ? "SELECT 1 FROM stepwork.users WHERE id = \(pair.sponsor.id)::uuid FOR UPDATE"
            : "SELECT 1 FROM stepwork.comments WHERE id = \(own.id)::uuid FOR UPDATE"
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocker = BackgroundCall {
            try app.ownerPool.withTransaction { connection in
                try connection.execute(lockedRow)
                holding.signal()
                release.wait()
            }
        }
        holding.wait()

        let write = BackgroundCall { () -> TestHTTPResponse in
            switch action {
            case .post: try pair.api.post("During", on: pair.entryId, as: pair.sponsor)
            case .edit: try pair.api.edit(own.id, body: "During", as: pair.sponsor)
            case .delete: try pair.api.delete(own.id, as: pair.sponsor)
            }
        }
        try waitUntil("the write to block") { try app.lockWaiters() >= 1 || write.isFinished }
        let lossCall = BackgroundCall { try loss.apply(to: pair) }
        try waitUntil("the loss to block or finish") { try app.lockWaiters() >= 2 || lossCall.isFinished }
        let overtook = lossCall.isFinished
        release.signal()
        try blocker.join()
        let written = try write.join()
        let lost = try lossCall.join()

        #expect(!overtook, "the loss of access committed while an allowed write was in flight")
        #expect(lost.status == 204)
        #expect(written.status == [Action.post: 201, .edit: 200, .delete: 204][action])
        let thread = try pair.api.wholeThread(of: pair.entryId, as: pair.owner)
        switch action {
        case .post: #expect(thread.map(\.body) == ["Before", "During"])
        case .edit: #expect(thread.map(\.body) == ["During"])
        case .delete: #expect(thread.map(\.deleted) == [true])
        }
        #expect(try pair.api.post("After", on: pair.entryId, as: pair.sponsor).status == 404)
    }

    /// 300 comments posted at once by two users are all stored, each once.
    @Test func threeHundredConcurrentPostsAreAllStoredOnce() throws {
        let pair = try Pair(api: CommentsAPI(app: try TestApp.start()))
        let results = concurrently(300, threads: 12) { index in
            try pair.api.comment("Comment \(index)", on: pair.entryId, as: index % 2 == 0 ? pair.owner : pair.sponsor)
        }
        let posted = try results.map { try $0.get() }
        let thread = try pair.api.wholeThread(of: pair.entryId, as: pair.sponsor, pageSize: 7)
        #expect(thread.count == 300)
        #expect(Set(thread.map(\.id)) == Set(posted.map(\.id)))
        #expect(Set(thread.map(\.body)) == Set((0..<300).map { "Comment \($0)" }))
        #expect(thread.filter { $0.author.id == pair.owner.id }.count == 150)
        let order = thread.map { ($0.createdAt, $0.id) }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0.0 <= $1.0 }, "oldest first")
    }
}

/// One post of the race: its answer, and whether it was sent after the loss was answered.
private struct PostOutcome: Sendable {
    let status: Int
    let id: String?
    let sentAfterLoss: Bool
}

/// What the threads of a race share.
private final class RaceState: Sendable {
    private let state = Mutex<(accepted: Int, lossAnswered: Bool, thread: [String])>((0, false, []))

    var accepted: Int { state.withLock { $0.accepted } }
    func accept() { state.withLock { $0.accepted += 1 } }

    var isLossAnswered: Bool { state.withLock { $0.lossAnswered } }
    func lossAnswered() { state.withLock { $0.lossAnswered = true } }

    var threadReadAfterLoss: [String] { state.withLock { $0.thread } }
    func threadAfterLoss(_ ids: [String]) { state.withLock { $0.thread = ids } }
}
