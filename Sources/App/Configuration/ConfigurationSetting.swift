/// One setting: its key in configuration files, its environment variable, and how a value
/// from either is checked and stored into an `AppConfiguration`.
struct ConfigurationSetting {
    let key: String
    let variable: String
    private let storeText: (String, inout AppConfiguration) -> String?
    private let storeFileValue: (ConfigurationFileValue, inout AppConfiguration) -> String?

    init<Value>(
        _ key: String, _ variable: String, _ property: WritableKeyPath<AppConfiguration, Value>,
        _ kind: SettingKind<Value>
    ) {
        self.key = key
        self.variable = variable
        // Each returns nil once the value is stored, or what was expected instead.
        storeText = { text, configuration in
            guard let value = kind.parseText(text) else { return kind.expected }
            configuration[keyPath: property] = value
            return nil
        }
        storeFileValue = { fileValue, configuration in
            guard let value = kind.parseFile(fileValue) else { return kind.expected }
            configuration[keyPath: property] = value
            return nil
        }
    }

    /// Stores the value of this setting's environment variable.
    func apply(variableValue text: String, to configuration: inout AppConfiguration) throws(ConfigurationError) {
        if let expected = storeText(text, &configuration) {
            throw .invalidVariable(name: variable, value: ConfigurationError.quoted(text), expected: expected)
        }
    }

    /// Stores the value that configuration file `file` gives this setting's key.
    func apply(
        fileValue: ConfigurationFileValue, from file: String, to configuration: inout AppConfiguration
    ) throws(ConfigurationError) {
        if let expected = storeFileValue(fileValue, &configuration) {
            throw .invalidFileValue(file: file, key: key, value: fileValue.display, expected: expected)
        }
    }
}
