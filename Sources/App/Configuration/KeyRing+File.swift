import Encryption

extension KeyRing {
    /// The setting that names the key file, for messages.
    static let fileVariable = "STEPWORK_KEY_FILE"

    /// The key ring in `file` (`STEPWORK_KEY_FILE`), which must be neither readable nor
    /// writable by group or others; the error names the variable, the file and the problem.
    static func load(file: String) throws(ConfigurationError) -> KeyRing {
        guard let ring = try loadIfAny(file: file) else { throw problem(in: file, .empty) }
        return ring
    }

    /// As `load`, but nil for a file that holds no key yet: `stepwork keys new >> FILE`
    /// creates the file before the command reads it.
    static func loadIfAny(file: String) throws(ConfigurationError) -> KeyRing? {
        let text = try SecretFile.read(file, variable: fileVariable)
        do {
            return try KeyRing(parsing: text)
        } catch .empty {
            return nil
        } catch {
            throw problem(in: file, error)
        }
    }

    private static func problem(in file: String, _ error: KeyRingError) -> ConfigurationError {
        .invalidSecretFile(variable: fileVariable, file: file, problem: error.description)
    }
}
