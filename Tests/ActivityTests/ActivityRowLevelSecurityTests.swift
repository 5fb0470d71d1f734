import Foundation
import Postgres
import Testing
import TestSupport

/// Row-level security on `activity` and `activity_seen`: the runtime role, acting for a user,
/// reads only that user's items and writes items only as their actor.
@Suite struct ActivityRowLevelSecurityTests {
    /// Runs `body` on a runtime-role connection acting as `user`, as a request does.
    private func acting<Result>(
        as user: User, in app: TestApp, _ body: (PostgresConnection) throws -> Result
    ) throws -> Result {
        try app.pool.withConnection { connection in
            try connection.act(as: user.id.lowercased())
            defer { _ = try? connection.act(as: "") }
            return try body(connection)
        }
    }

    @Test func anUnfilteredReadReturnsOnlyTheActingUsersItems() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: TestAPI(app: app))
        let seenId = try pair.api.activity(of: pair.sponsor).items[0].id
        try pair.api.seen(upTo: seenId, as: pair.sponsor).expect(204)
        for user in [pair.owner, pair.sponsor] {
            let recipients = try acting(as: user, in: app) { connection in
                try connection.query("SELECT recipient_id FROM stepwork.activity")
                    .map { try $0.decode("recipient_id", as: UUID.self).uuidString }
            }
            #expect(recipients == [user.id])
        }
        let seenMarks = try acting(as: pair.owner, in: app) { connection in
            try connection.query("SELECT user_id FROM stepwork.activity_seen").count
        }
        #expect(seenMarks == 0)
    }

    @Test func anItemCannotBeWrittenInAnotherActorsName() throws {
        let app = try TestApp.start()
        let pair = try Pair(api: TestAPI(app: app))
        let forged = try acting(as: pair.owner, in: app) { connection -> String? in
            do {
                try connection.execute("""
                    INSERT INTO stepwork.activity (recipient_id, actor_id, type)
                    VALUES (\(UUID(uuidString: pair.owner.id)), \(UUID(uuidString: pair.sponsor.id)), 'sponsorship_ended')
                    """)
                return nil
            } catch {
                return (error as? PostgresError)?.sqlState
            }
        }
        #expect(forged == "42501")
    }
}
