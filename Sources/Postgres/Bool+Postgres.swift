extension Bool: PostgresCodable {
    /// `boolean`
    public static var postgresType: UInt32 { 16 }
    public var postgresText: String? { self ? "t" : "f" }

    public init?(postgresText text: String) {
        switch text {
        case "t": self = true
        case "f": self = false
        default: return nil
        }
    }
}
