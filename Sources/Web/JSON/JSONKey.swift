/// A coding key the decoder makes itself: an array index, or a named path prefix.
struct JSONKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(index: Int) {
        stringValue = String(index)
        intValue = index
    }

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) { self.init(index: intValue) }
}

extension [any CodingKey] {
    /// The path as the API names fields: `fields.person`, `items[2].name`.
    var fieldPath: String {
        reduce(into: "") { path, key in
            if let index = (key as? JSONKey)?.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
    }
}
