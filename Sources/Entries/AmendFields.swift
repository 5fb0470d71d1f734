import Web

/// The `fields` of an `amend` entry: one person from the Step 8 list and the whole path of the
/// amend to them, from the plan to how it was received.
public struct AmendFields: Codable, Sendable, Equatable {
    public var person: String
    public var relationship: String?
    public var harm: String?
    public var plan: String?
    /// What is owed and will be repaid, returned, replaced or made up.
    public var restitution: String?
    public var method: AmendMethod?
    public var status: AmendStatus
    /// `nil` until the sponsee has considered whether the amend could injure anyone.
    public var riskToOthers: AmendRisk?
    public var riskNotes: String?
    /// `YYYY-MM-DD`; set exactly when `status` is `made`.
    public var madeOn: String?
    public var outcome: String?
    public var response: AmendResponse?
    /// `YYYY-MM-DD`: when to look at the amend again.
    public var revisitOn: String?

    public init(
        person: String, relationship: String? = nil, harm: String? = nil, plan: String? = nil,
        restitution: String? = nil, method: AmendMethod? = nil, status: AmendStatus = .planned,
        riskToOthers: AmendRisk? = nil, riskNotes: String? = nil, madeOn: String? = nil, outcome: String? = nil,
        response: AmendResponse? = nil, revisitOn: String? = nil
    ) {
        self.person = person
        self.relationship = relationship
        self.harm = harm
        self.plan = plan
        self.restitution = restitution
        self.method = method
        self.status = status
        self.riskToOthers = riskToOthers
        self.riskNotes = riskNotes
        self.madeOn = madeOn
        self.outcome = outcome
        self.response = response
        self.revisitOn = revisitOn
    }

    /// Every key, absent values as `null`, so clients see one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(person, forKey: .person)
        try container.encode(relationship, forKey: .relationship)
        try container.encode(harm, forKey: .harm)
        try container.encode(plan, forKey: .plan)
        try container.encode(restitution, forKey: .restitution)
        try container.encode(method, forKey: .method)
        try container.encode(status, forKey: .status)
        try container.encode(riskToOthers, forKey: .riskToOthers)
        try container.encode(riskNotes, forKey: .riskNotes)
        try container.encode(madeOn, forKey: .madeOn)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(response, forKey: .response)
        try container.encode(revisitOn, forKey: .revisitOn)
    }

    /// The fields as a client would send them, `null`s left out: what a PATCH merges into.
    var input: EntryFieldsInput {
        let values: [EntryFieldsInput.Key: String?] = [
            .person: person, .relationship: relationship, .harm: harm, .plan: plan, .restitution: restitution,
            .method: method?.rawValue, .status: status.rawValue, .riskToOthers: riskToOthers?.rawValue,
            .riskNotes: riskNotes, .madeOn: madeOn, .outcome: outcome, .response: response?.rawValue,
            .revisitOn: revisitOn,
        ]
        return EntryFieldsInput(values: values.compactMapValues { $0 })
    }
}

extension AmendFields: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("harm")
            writer.value(harm)
            writer.key("madeOn")
            writer.value(madeOn)
            writer.key("method")
            writer.value(method)
            writer.key("outcome")
            writer.value(outcome)
            writer.key("person")
            writer.value(person)
            writer.key("plan")
            writer.value(plan)
            writer.key("relationship")
            writer.value(relationship)
            writer.key("response")
            writer.value(response)
            writer.key("restitution")
            writer.value(restitution)
            writer.key("revisitOn")
            writer.value(revisitOn)
            writer.key("riskNotes")
            writer.value(riskNotes)
            writer.key("riskToOthers")
            writer.value(riskToOthers)
            writer.key("status")
            writer.value(status)
        }
    }
}
