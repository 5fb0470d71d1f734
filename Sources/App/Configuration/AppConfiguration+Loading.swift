import Web
import Foundation

extension AppConfiguration {
    /// The file read when no `--config` is given, relative to the working directory; a
    /// process started elsewhere, without the file, runs on the built-in defaults.
    public static let defaultFile = "config/stepwork.json"

    /// The configuration of this process: the defaults, overridden by a JSON file (the one
    /// named by `--config FILE` or `--config=FILE` in `arguments`, else `defaultFile` if it
    /// exists), overridden in turn by the `STEPWORK_*` variables in `environment`.
    ///
    /// Other arguments are the command line's business and are ignored here. The first bad
    /// setting stops the load; its error names the setting and the problem on one line.
    public static func load(arguments: [String], environment: [String: String]) throws(ConfigurationError) -> Self {
        var configuration = Self()
        if let file = try configFile(in: arguments) ?? existingDefaultFile() {
            try configuration.apply(file: file)
        }
        for setting in settings {
            if let text = environment[setting.variable] {
                try setting.apply(variableValue: text, to: &configuration)
            }
        }
        return configuration
    }

    /// The file named by `--config`, if the option is there.
    private static func configFile(in arguments: [String]) throws(ConfigurationError) -> String? {
        var files: [String] = []
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--config" {
                files.append(remaining.popFirst() ?? "")
            } else if argument.hasPrefix("--config=") {
                files.append(String(argument.dropFirst("--config=".count)))
            }
        }
        guard files.count <= 1 else { throw .invalidArgument(option: "--config", problem: "given more than once") }
        if let file = files.first, file.isEmpty || file.hasPrefix("-") {
            throw .invalidArgument(option: "--config", problem: "needs a file name")
        }
        return files.first
    }

    private static func existingDefaultFile() -> String? {
        FileManager.default.fileExists(atPath: defaultFile) ? defaultFile : nil
    }

    /// Applies every key of a JSON object file; any unknown key is an error.
    private mutating func apply(file: String) throws(ConfigurationError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw .unreadableFile(file: file, reason: Self.reason(error))
        }
        guard let json = try? JSONValue(parsing: [UInt8](data)) else {
            throw .malformedFile(file: file, reason: "not valid JSON")
        }
        let decoded = ConfigurationFileValue(json)
        guard case .object(let object) = decoded else {
            throw .malformedFile(file: file, reason: "not a JSON object of settings")
        }
        let known = Set(Self.settings.map(\.key))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownKey(file: file, key: unknown)
        }
        for setting in Self.settings {
            if let value = object[setting.key] {
                try setting.apply(fileValue: value, from: file, to: &self)
            }
        }
    }

    /// The system's reason (`No such file or directory`) behind a failed read, when there is one.
    private static func reason(_ error: any Error) -> String {
        guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error,
              (underlying as NSError).domain == NSPOSIXErrorDomain
        else { return error.localizedDescription }
        return String(cString: strerror(Int32((underlying as NSError).code)))
    }
}
