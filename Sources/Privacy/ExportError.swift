import Web

/// Why an export could not be written: the temporary file failed (disk full, …). `500`,
/// without the details, which are logged.
enum ExportError: Error, HTTPErrorConvertible {
    case file(Int32)

    var httpError: HTTPError { .internalError() }
}
