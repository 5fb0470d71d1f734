import Foundation

/// A file that holds a secret (the server secret, the key-encryption keys): it must exist and
/// be neither readable nor writable by group or others.
enum SecretFile {
    /// The file's text; the error names `variable`, the file and the problem in one line.
    static func read(_ file: String, variable: String) throws(ConfigurationError) -> String {
        func problem(_ text: String) -> ConfigurationError {
            .invalidSecretFile(variable: variable, file: file, problem: text)
        }
        var status = stat()
        guard stat(file, &status) == 0 else { throw problem(String(cString: strerror(errno))) }
        guard status.st_mode & (S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH) == 0 else {
            throw problem("readable or writable by group or others (chmod 600 it)")
        }
        guard let data = FileManager.default.contents(atPath: file) else { throw problem("cannot be read") }
        return String(decoding: data, as: UTF8.self)
    }
}
