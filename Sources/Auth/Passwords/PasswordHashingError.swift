/// Why a password could not be hashed right now.
public enum PasswordHashingError: Error, Equatable, Sendable {
    /// Every hashing thread is taken and the queue is full (or the executor is shut down).
    case busy
}
