import Foundation

extension UUID: PostgresCodable {
    /// `uuid`
    public static var postgresType: UInt32 { 2950 }
    public var postgresText: String? { uuidString }
    public init?(postgresText text: String) { self.init(uuidString: text) }
}
