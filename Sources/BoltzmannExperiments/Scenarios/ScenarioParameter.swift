import BoltzmannCore

/// One parameter a scenario takes: its name in specs, type, default and meaning.
public struct ScenarioParameter: Sendable, Equatable {
    /// The types a spec value can have; TOML integers are accepted for `.number`, integral TOML
    /// floats for `.integer`.
    public enum ValueType: String, Sendable, Equatable {
        case number, integer, text, bool
    }

    public var name: String
    public var type: ValueType
    /// The value used when the spec does not set it; `nil` with `required == false` means the
    /// parameter is absent unless given (e.g. the teacher order of the direct model).
    public var defaultValue: ResultValue?
    public var required: Bool
    /// The accepted texts of a `.text` parameter (empty: any text).
    public var choices: [String]
    public var help: String

    public init(
        _ name: String, _ type: ValueType, default defaultValue: ResultValue? = nil, required: Bool = false,
        choices: [String] = [], help: String
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.choices = choices
        self.help = help
    }

    /// `value` converted to this parameter's type.
    ///
    /// - Throws: `BoltzmannError` naming the parameter when the value has another type, a
    ///   non-integral value is given for an integer, or a text is not one of `choices`.
    public func coerce(_ value: ResultValue) throws(BoltzmannError) -> ResultValue {
        switch (type, value) {
        case (.number, .number): return value
        case (.number, .integer(let n)): return .number(Double(n))
        case (.integer, .integer): return value
        case (.integer, .number(let x)) where x.rounded() == x && abs(x) < 9.0e15: return .integer(Int(x))
        case (.bool, .bool): return value
        case (.text, .text(let s)):
            guard choices.isEmpty || choices.contains(s) else {
                throw BoltzmannError(
                    "\(name) = \"\(s)\" is not one of the accepted values",
                    fix: "use one of: \(choices.joined(separator: ", "))", source: name)
            }
            return value
        default:
            throw BoltzmannError(
                "\(name) must be \(type.article) \(type.rawValue), got \(ScenarioParameters.describe(value))",
                fix: "write \(name) as \(type.example)", source: name)
        }
    }
}

extension ScenarioParameter.ValueType {
    var article: String { self == .integer ? "an" : "a" }
    var example: String {
        switch self {
        case .number: return "a number, e.g. 0.5"
        case .integer: return "an integer, e.g. 3"
        case .text: return "a quoted text, e.g. \"gardner\""
        case .bool: return "true or false"
        }
    }
}

/// The resolved parameters of one task (fixed values, the sweep point and defaults, already
/// converted to the declared types), with typed accessors for the scenario's `run`.
public struct ScenarioParameters: Sendable, Equatable {
    public var record: ResultRecord

    public init(_ record: ResultRecord) { self.record = record }

    public func number(_ name: String) throws(BoltzmannError) -> Double {
        guard let value = try optionalNumber(name) else { throw Self.missing(name) }
        return value
    }

    public func optionalNumber(_ name: String) throws(BoltzmannError) -> Double? {
        switch record[name] {
        case nil, .null?: return nil
        case .number(let x)?: return x
        case .integer(let n)?: return Double(n)
        case let other?: throw Self.wrongType(name, "number", other)
        }
    }

    public func integer(_ name: String) throws(BoltzmannError) -> Int {
        guard let value = try optionalInteger(name) else { throw Self.missing(name) }
        return value
    }

    public func optionalInteger(_ name: String) throws(BoltzmannError) -> Int? {
        switch record[name] {
        case nil, .null?: return nil
        case .integer(let n)?: return n
        case let other?: throw Self.wrongType(name, "integer", other)
        }
    }

    public func text(_ name: String) throws(BoltzmannError) -> String {
        guard let value = try optionalText(name) else { throw Self.missing(name) }
        return value
    }

    public func optionalText(_ name: String) throws(BoltzmannError) -> String? {
        switch record[name] {
        case nil, .null?: return nil
        case .text(let s)?: return s
        case let other?: throw Self.wrongType(name, "text", other)
        }
    }

    public func bool(_ name: String) throws(BoltzmannError) -> Bool {
        switch record[name] {
        case .bool(let b)?: return b
        case nil, .null?: throw Self.missing(name)
        case let other?: throw Self.wrongType(name, "bool", other)
        }
    }

    static func missing(_ name: String) -> BoltzmannError {
        BoltzmannError("the parameter \(name) is missing", fix: "set \(name) in [parameters] or sweep it", source: name)
    }

    static func wrongType(_ name: String, _ type: String, _ value: ResultValue) -> BoltzmannError {
        BoltzmannError("the parameter \(name) must be a \(type), got \(describe(value))",
                       fix: "write \(name) as a \(type)", source: name)
    }

    static func describe(_ value: ResultValue) -> String {
        switch value {
        case .number(let x): return "the number \(x)"
        case .integer(let n): return "the integer \(n)"
        case .text(let s): return "the text \"\(s)\""
        case .bool(let b): return "the boolean \(b)"
        case .list: return "a list"
        case .null: return "nothing"
        }
    }
}
