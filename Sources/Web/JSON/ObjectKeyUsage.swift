/// The keys of one JSON object and which of them the decoding type asked about
/// (`contains`, `decode`, `decodeIfPresent`, `decodeNil`, nested containers).
final class ObjectKeyUsage {
    private let keys: [String]
    private var asked: Set<String> = []
    private var keyTypes: [any CodingKey.Type] = []

    init(keys: some Sequence<String>) { self.keys = keys.sorted() }

    func register(_ keyType: any CodingKey.Type) { keyTypes.append(keyType) }

    func ask(_ key: String) { asked.insert(key) }

    /// Keys never asked about: unknown once the type has finished decoding.
    var unaskedKeys: [String] { keys.filter { !asked.contains($0) } }

    /// Unasked keys that none of the type's key types can even name: unknown whatever the
    /// type would have done next, so reported even when decoding failed on another field.
    var unnameableKeys: [String] {
        unaskedKeys.filter { key in keyTypes.allSatisfy { $0.init(stringValue: key) == nil } }
    }
}
