import Encryption

extension ClearTextSealer {
    /// The comments written before encryption at rest.
    public static func comments(keys: DataKeys) -> ClearTextSealer {
        let store = CommentStore(keys: keys)
        return ClearTextSealer(table: "comments", countClearRows: store.countClearRows, sealClearRows: store.sealClearRows)
    }
}
