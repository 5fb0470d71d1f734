import Foundation

/// The associated data of one seal: a label naming what is sealed and in which format, then
/// its fields, each of fixed size or length-prefixed, so no two field lists give the same bytes.
struct AssociatedData {
    private(set) var bytes: [UInt8] = []

    init(label: String) { append(label) }

    mutating func append(_ text: String) {
        let utf8 = Array(text.utf8)
        precondition(utf8.count <= Int(UInt32.max), "associated text too long")
        append(UInt32(utf8.count))
        bytes += utf8
    }

    mutating func append(_ id: UUID) {
        withUnsafeBytes(of: id.uuid) { bytes += $0 }
    }

    /// A key version, big-endian in four bytes.
    mutating func append(version: Int) {
        precondition(KeyRing.versionRange.contains(version), "key version out of range")
        append(UInt32(version))
    }

    private mutating func append(_ number: UInt32) {
        withUnsafeBytes(of: number.bigEndian) { bytes += $0 }
    }
}
