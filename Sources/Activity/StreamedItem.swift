import Foundation

/// An item on its way to event streams: encoded as its Server-Sent Event once, however many
/// streams it goes to.
struct StreamedItem: Sendable {
    let id: UUID
    /// When it was written, in microseconds since 1970.
    let atMicros: Int64
    let event: [UInt8]

    /// Nil for an item JSON cannot hold (none can; skipped rather than sent broken).
    init?(_ item: Activity, at position: ActivityPosition) {
        guard let event = try? item.serverSentEvent() else { return nil }
        id = item.id
        atMicros = position.atMicros
        self.event = event
    }
}
