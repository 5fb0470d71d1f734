import Encryption

extension ClearTextSealer {
    /// The reviews written before encryption at rest.
    public static func reviews(keys: DataKeys) -> ClearTextSealer {
        let store = ReviewStore(keys: keys)
        return ClearTextSealer(table: "reviews", countClearRows: store.countClearRows, sealClearRows: store.sealClearRows)
    }
}
