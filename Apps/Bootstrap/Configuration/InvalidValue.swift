/// What is wrong with one value, before the reader attaches the variable's name and source.
struct InvalidValue: Error, Equatable {
    let message: String

    init(_ message: String) { self.message = message }
}
