/// A parsed `stepwork` command line.
public enum Command: Equatable, Sendable {
    case serve(migrate: Bool, configFile: String?)
    case migrate(statusOnly: Bool, configFile: String?)
    case seed(files: [String], configFile: String?)
    /// `keys new`: print a fresh key file line.
    case newKey(configFile: String?)
    /// `keys rotate`: re-wrap every data key under the newest key-encryption key.
    case rotateKeys(configFile: String?)
    /// `encrypt`: seal the texts still stored in the clear.
    case encrypt(configFile: String?)
    case help
    case version

    /// Parses the arguments after the program name; throws a one-line usage error.
    public init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        guard let verb = rest.popFirst() else { self = .help; return }
        var configFile: String?
        var flags: Set<String> = []
        var operands: [String] = []
        while let argument = rest.popFirst() {
            switch argument {
            case "--config":
                guard let file = rest.popFirst() else { throw UsageError("--config needs a file") }
                configFile = file
            case "--migrate", "--status":
                flags.insert(argument)
            default:
                if argument.hasPrefix("-") { throw UsageError("unknown option \(argument)") }
                operands.append(argument)
            }
        }
        func allow(flags allowed: Set<String>, operands allowOperands: Bool) throws(UsageError) {
            if let extra = flags.subtracting(allowed).first { throw UsageError("\(verb) takes no \(extra)") }
            if !allowOperands, let extra = operands.first { throw UsageError("unexpected argument \(extra)") }
        }
        switch verb {
        case "serve":
            try allow(flags: ["--migrate"], operands: false)
            self = .serve(migrate: flags.contains("--migrate"), configFile: configFile)
        case "migrate":
            try allow(flags: ["--status"], operands: false)
            self = .migrate(statusOnly: flags.contains("--status"), configFile: configFile)
        case "seed":
            try allow(flags: [], operands: true)
            self = .seed(files: operands, configFile: configFile)
        case "keys":
            try allow(flags: [], operands: true)
            switch operands {
            case ["new"]: self = .newKey(configFile: configFile)
            case ["rotate"]: self = .rotateKeys(configFile: configFile)
            default: throw UsageError("keys takes one subcommand: new or rotate")
            }
        case "encrypt":
            try allow(flags: [], operands: false)
            self = .encrypt(configFile: configFile)
        case "--help", "-h", "help":
            self = .help
        case "--version":
            self = .version
        default:
            throw UsageError("unknown command \(verb)")
        }
    }

    public static let usage = """
        usage: stepwork <command> [options]

        commands:
          serve [--migrate] [--config FILE]   run the HTTP server until SIGTERM/SIGINT
          migrate [--status] [--config FILE]  apply pending migrations, or list applied and pending ones
          seed [FILE...] [--config FILE]      load demo data (default: every .sql file in seeds/); idempotent
          keys new [--config FILE]            print a fresh key line, the next version for STEPWORK_KEY_FILE
          keys rotate [--config FILE]         re-wrap every data key under the newest key (online, resumable)
          encrypt [--config FILE]             seal texts stored in the clear before encryption at rest (online, resumable)
          --help                              this text
          --version                           the version

        Settings come from config/stepwork.json, --config FILE, then STEPWORK_* environment variables.
        """
}

/// A malformed command line, told in one line.
public struct UsageError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
