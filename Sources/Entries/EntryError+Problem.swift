import Web

extension EntryError: HTTPErrorConvertible {
    var httpError: HTTPError {
        switch self {
        case .preconditionRequired: .preconditionRequired()
        case .versionConflict: .versionConflict()
        }
    }
}
