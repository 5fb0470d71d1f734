/// The `fields` of an `amend` entry: one person from the Step 8 list and the planned amend.
public struct AmendFields: Codable, Sendable, Equatable {
    public var person: String
    public var harm: String?
    public var plan: String?
    public var method: AmendMethod?
    public var status: AmendStatus
    /// `YYYY-MM-DD`.
    public var madeOn: String?

    public init(
        person: String, harm: String? = nil, plan: String? = nil, method: AmendMethod? = nil,
        status: AmendStatus = .planned, madeOn: String? = nil
    ) {
        self.person = person
        self.harm = harm
        self.plan = plan
        self.method = method
        self.status = status
        self.madeOn = madeOn
    }

    /// Every key, absent values as `null`, so clients see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(person, forKey: .person)
        try container.encode(harm, forKey: .harm)
        try container.encode(plan, forKey: .plan)
        try container.encode(method, forKey: .method)
        try container.encode(status, forKey: .status)
        try container.encode(madeOn, forKey: .madeOn)
    }
}
