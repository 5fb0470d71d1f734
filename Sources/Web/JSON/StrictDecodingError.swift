/// What the strict decoder refuses beyond `DecodingError`'s cases; field paths included.
enum StrictDecodingError: Error {
    /// Object keys the decoded type does not know.
    case unknownFields([String])
    /// A string holding NUL, which PostgreSQL `text` cannot store.
    case invalidCharacters(String)
}
