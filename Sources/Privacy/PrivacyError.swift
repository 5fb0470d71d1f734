/// Why an action on the account's own data failed.
enum PrivacyError: Error, Equatable {
    /// The account went away while the request ran (a concurrent deletion): `401`.
    case accountGone
    /// The export's temporary file could not be written (disk full, …; the `errno`): `500`.
    case exportFile(Int32)
}
