extension Double: PostgresCodable {
    /// `double precision`
    public static var postgresType: UInt32 { 701 }

    /// Swift's shortest round-tripping form; infinities and NaN spelled as PostgreSQL spells them.
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }

    public init?(postgresText text: String) {
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(text)
        }
    }
}
