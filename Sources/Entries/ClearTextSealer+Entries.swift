import Encryption

extension ClearTextSealer {
    /// The entries written before encryption at rest.
    public static func entries(keys: DataKeys) -> ClearTextSealer {
        let store = EntryStore(keys: keys)
        return ClearTextSealer(table: "entries", countClearRows: store.countClearRows, sealClearRows: store.sealClearRows)
    }
}
