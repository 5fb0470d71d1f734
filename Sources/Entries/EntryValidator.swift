import Foundation
import Postgres
import Web

/// Checks what a client writes into an entry against the rules of API.md and collects every
/// problem, so one `422` names them all.
///
/// Lengths are counted in Unicode scalars, as PostgreSQL's `char_length` counts them, so a
/// value accepted here always satisfies the schema's `CHECK`s. One-line values (title,
/// person, meeting name) are trimmed and refuse control characters; NUL never gets this far
/// (the strict JSON decoder refuses it).
struct EntryValidator {
    private(set) var errors: [FieldError] = []

    static let titleLength = 1...200
    static let bodyLength = 0...100_000
    static let steps = 1...12
    static let personLength = 1...200
    static let relationshipLength = 0...200
    static let amendTextLength = 0...10_000
    static let meetingNameLength = 0...200

    /// The title, trimmed.
    mutating func title(_ value: String) -> String {
        text(value, field: "title", length: Self.titleLength, oneLine: true)
    }

    mutating func body(_ value: String) -> String {
        text(value, field: "body", length: Self.bodyLength, oneLine: false)
    }

    mutating func step(_ step: Int?, for kind: EntryKind) -> Int? {
        guard let step else {
            if kind.requiresStep { fail("step", "required", "is required for step work") }
            return nil
        }
        if !Self.steps.contains(step) { fail("step", "out_of_range", "must be from 1 to 12") }
        return step
    }

    /// The fields for `kind`; throws `400 unknown_field` at once for keys the kind does not have.
    ///
    /// An amend's fields sent over `current` ones (a PATCH) are merged into them key by key,
    /// `null` clearing a key; the other kinds' fields are replaced whole.
    mutating func fields(
        _ input: EntryFieldsInput?, for kind: EntryKind, over current: EntryFields? = nil
    ) throws(HTTPError) -> EntryFields {
        let allowed = Self.keys(of: kind)
        let unknown = (input?.sent ?? []).subtracting(allowed)
        guard unknown.isEmpty else {
            throw .unknownFields(EntryFieldsInput.Key.allCases.filter(unknown.contains).map { "fields.\($0.rawValue)" })
        }
        switch (kind, current) {
        case (.journal, _), (.stepWork, _), (.inventory, _):
            return .empty
        case (.amend, .amend(let current)?):
            return .amend(amend(input.map { $0.merged(over: current.input) }))
        case (.amend, _):
            return .amend(amend(input))
        case (.meeting, _):
            return .meeting(meeting(input))
        }
    }

    /// Records that `field`, which cannot be cleared, was sent as `null`.
    mutating func refuseNull(_ field: String) {
        fail(field, "required", "must not be null")
    }

    /// Throws `422 validation_failed` when any check failed.
    func validate() throws(HTTPError) {
        if !errors.isEmpty { throw .validationFailed(errors) }
    }

    private static func keys(of kind: EntryKind) -> Set<EntryFieldsInput.Key> {
        switch kind {
        case .journal, .stepWork, .inventory: []
        case .amend:
            [.person, .relationship, .harm, .plan, .restitution, .method, .status, .riskToOthers, .riskNotes, .madeOn,
             .outcome, .response, .revisitOn]
        case .meeting: [.date, .name]
        }
    }

    /// The amend's fields; `madeOn` must be set exactly when `status` is `made`.
    private mutating func amend(_ input: EntryFieldsInput?) -> AmendFields {
        let fields = AmendFields(
            person: required(input?[.person], field: "fields.person")
                .map { text($0, field: "fields.person", length: Self.personLength, oneLine: true) } ?? "",
            relationship: input?[.relationship]
                .map { text($0, field: "fields.relationship", length: Self.relationshipLength, oneLine: true) },
            harm: amendText(input, .harm),
            plan: amendText(input, .plan),
            restitution: amendText(input, .restitution),
            method: input?[.method].flatMap { choice($0, field: "fields.method") },
            status: input?[.status].flatMap { choice($0, field: "fields.status") } ?? .planned,
            riskToOthers: input?[.riskToOthers].flatMap { choice($0, field: "fields.riskToOthers") },
            riskNotes: amendText(input, .riskNotes),
            madeOn: input?[.madeOn].map { calendarDate($0, field: "fields.madeOn") },
            outcome: amendText(input, .outcome),
            response: input?[.response].flatMap { choice($0, field: "fields.response") },
            revisitOn: input?[.revisitOn].map { calendarDate($0, field: "fields.revisitOn") })
        // Checked only between a valid status and a valid date: a bad value is its own problem.
        let statusIsValid = input?[.status].map { AmendStatus(rawValue: $0) != nil } ?? true
        let madeOnIsValid = input?[.madeOn].map { CalendarDate($0) != nil } ?? true
        if statusIsValid && madeOnIsValid && (fields.status == .made) != (fields.madeOn != nil) {
            if fields.status == .made {
                fail("fields.madeOn", "required", "is required when status is made")
            } else {
                fail("fields.madeOn", "not_allowed", "must be null unless status is made")
            }
        }
        return fields
    }

    /// One of an amend's long texts (harm, plan, restitution, risk notes, outcome), if sent.
    private mutating func amendText(_ input: EntryFieldsInput?, _ key: EntryFieldsInput.Key) -> String? {
        input?[key].map { text($0, field: "fields.\(key.rawValue)", length: Self.amendTextLength, oneLine: false) }
    }

    private mutating func meeting(_ input: EntryFieldsInput?) -> MeetingFields {
        MeetingFields(
            date: required(input?[.date], field: "fields.date").map { calendarDate($0, field: "fields.date") } ?? "",
            name: input?[.name].map { text($0, field: "fields.name", length: Self.meetingNameLength, oneLine: true) })
    }

    /// `value`, recording a `required` problem when it is missing or `null`.
    private mutating func required(_ value: String?, field: String) -> String? {
        if value == nil { fail(field, "required", "is required") }
        return value
    }

    /// Checks a text; one-line texts are trimmed first.
    private mutating func text(_ value: String, field: String, length: ClosedRange<Int>, oneLine: Bool) -> String {
        let value = oneLine ? value.trimmingCharacters(in: .whitespacesAndNewlines) : value
        let scalars = value.unicodeScalars
        if oneLine && scalars.contains(where: { $0.properties.generalCategory == .control }) {
            fail(field, "invalid_characters", "must not contain control characters")
        } else if scalars.count < length.lowerBound {
            fail(field, "too_short", "must not be empty")
        } else if scalars.count > length.upperBound {
            fail(field, "too_long", "must be at most \(length.upperBound) characters")
        }
        return value
    }

    private mutating func choice<Choice: RawRepresentable & CaseIterable>(_ value: String, field: String) -> Choice?
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: value) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            fail(field, "invalid_value", "must be one of: \(names)")
            return nil
        }
        return choice
    }

    private mutating func calendarDate(_ value: String, field: String) -> String {
        if CalendarDate(value) == nil { fail(field, "invalid_date", "must be a date as YYYY-MM-DD") }
        return value
    }

    private mutating func fail(_ field: String, _ code: String, _ message: String) {
        errors.append(FieldError(field: field, code: code, message: message))
    }
}
