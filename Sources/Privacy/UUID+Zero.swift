import Foundation

extension UUID {
    /// The least UUID, where keyset pages in id order start.
    static let zero = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
}
