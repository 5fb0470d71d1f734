import Postgres
import Web

/// The body of `PATCH /v1/me`: each field absent (unchanged), `null` (cleared) or a value.
struct ProfilePatch: Decodable, Sendable {
    var displayName: PatchField<String>
    var sobrietyDate: PatchField<CalendarDate>
}
