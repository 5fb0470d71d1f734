/// Why the configuration cannot be used. `description` is one line that names the setting
/// (environment variable, or file and key) and the problem; the process prints it and stops.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// An environment variable holds a value outside what its setting accepts.
    case invalidVariable(name: String, value: String, expected: String)
    /// A configuration file gives a key a value outside what its setting accepts.
    case invalidFileValue(file: String, key: String, value: String, expected: String)
    /// A configuration file names a setting that does not exist.
    case unknownKey(file: String, key: String)
    /// A configuration file cannot be read.
    case unreadableFile(file: String, reason: String)
    /// A configuration file is not a JSON object.
    case malformedFile(file: String, reason: String)
    /// A secret's file (the server secret, the key-encryption keys) is missing, open to group or
    /// others, or not of its form.
    case invalidSecretFile(variable: String, file: String, problem: String)
    /// The command line's `--config` option is incomplete or repeated.
    case invalidArgument(option: String, problem: String)

    public var description: String {
        switch self {
        case .invalidVariable(let name, let value, let expected):
            "\(name): \(value) is not \(expected)"
        case .invalidFileValue(let file, let key, let value, let expected):
            "\(file): \(key): \(value) is not \(expected)"
        case .unknownKey(let file, let key):
            "\(file): unknown setting \(Self.quoted(key))"
        case .unreadableFile(let file, let reason):
            "\(file): cannot be read (\(Self.oneLine(reason)))"
        case .malformedFile(let file, let reason):
            "\(file): \(Self.oneLine(reason))"
        case .invalidSecretFile(let variable, let file, let problem):
            "\(variable): \(file): \(Self.oneLine(problem))"
        case .invalidArgument(let option, let problem):
            "\(option): \(problem)"
        }
    }

    /// Text as a quoted, escaped, bounded literal, so no value can break the line or flood it.
    static func quoted(_ text: String) -> String {
        let limit = 80
        return text.count <= limit ? String(reflecting: text) : String(reflecting: text.prefix(limit) + "…")
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
