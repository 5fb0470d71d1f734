import Foundation
import Synchronization

/// The unwrapped data keys of recent writers, by user id, each for `lifetime` after it was
/// read: a write then needs no statement to find its owner's key. Only keys read from a
/// committed row are kept (never one created by a transaction that may still roll back). The
/// deleting process forgets a key at once; another process (or a write racing the deletion)
/// keeps it at most `lifetime`, unused: a deleted user has no session, entry or thread left. A user id
/// is never reused (a re-registered email is a new user with a new key). Reads do not use it.
final class DataKeyCache: Sendable {
    static let lifetime: Duration = .seconds(60)
    /// Past this many keys, the expired ones go; if none has expired, all go.
    static let capacity = 10_000

    private let keys = Mutex<[UUID: (key: DataKey, until: ContinuousClock.Instant)]>([:])

    func key(of owner: UUID) -> DataKey? {
        keys.withLock { keys in
            guard let entry = keys[owner] else { return nil }
            guard entry.until > .now else {
                keys[owner] = nil
                return nil
            }
            return entry.key
        }
    }

    func remember(_ key: DataKey, of owner: UUID) {
        keys.withLock { keys in
            let now = ContinuousClock.now
            if keys.count >= Self.capacity {
                keys = keys.filter { $0.value.until > now }
                if keys.count >= Self.capacity { keys = [:] }
            }
            keys[owner] = (key, now + Self.lifetime)
        }
    }

    func forget(_ owner: UUID) {
        _ = keys.withLock { $0.removeValue(forKey: owner) }
    }
}
