import Activity
import Foundation
import Postgres
import Testing
import TestSupport

/// Each item is announced on `ActivityRecorder.channel` when its transaction commits: ids only.
@Suite struct ActivityNotificationTests {
    @Test func eachNewItemIsAnnouncedWithItsRecipientAndIdOnly() throws {
        let app = try TestApp.start()
        let listener = try PostgresListener(
            configuration: PostgresConfiguration(connectionString: app.database.runtimeConnectionString, poolSize: 1),
            channels: [ActivityRecorder.channel])
        let pair = try Pair(api: TestAPI(app: app))
        try pair.api.comment("A private thought", on: pair.entryId, as: pair.sponsor)

        var payloads: [String] = []
        let deadline = ContinuousClock.now + .seconds(10)
        while payloads.count < 3 && ContinuousClock.now < deadline {
            payloads += try listener.wait(timeout: .milliseconds(200)).map(\.payload)
        }
        let expected = try [(pair.owner, 1), (pair.sponsor, 0), (pair.owner, 0)].map { user, index in
            "\(user.id) \(try pair.api.activity(of: user).items[index].id)".uppercased()
        }
        #expect(payloads.map { $0.uppercased() } == expected)
    }
}
