import Encryption

extension KeyRing {
    /// The setting that names the key file, for messages.
    static let fileVariable = "STEPWORK_KEY_FILE"

    /// The key ring in `file` (`STEPWORK_KEY_FILE`), which must be neither readable nor
    /// writable by group or others; the error names the variable, the file and the problem.
    static func load(file: String) throws(ConfigurationError) -> KeyRing {
        let text = try SecretFile.read(file, variable: fileVariable)
        do {
            return try KeyRing(parsing: text)
        } catch {
            throw .invalidSecretFile(variable: fileVariable, file: file, problem: error.description)
        }
    }
}
