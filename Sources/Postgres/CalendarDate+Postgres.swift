extension CalendarDate: PostgresCodable {
    /// `date`
    public static var postgresType: UInt32 { 1082 }
    public var postgresText: String? { description }
    public init?(postgresText text: String) { self.init(text) }
}
