import BoltzmannCore

extension ExperimentSpec {
    /// The top-level keys a spec may have.
    static let topLevelKeys = ["name", "description", "scenario", "run", "seed", "repeats", "parameters", "sweep"]

    /// Parses and checks a spec, and builds its task list.
    ///
    /// - Parameters:
    ///   - text: the TOML text.
    ///   - source: what errors call the spec (its file name), as `source:line[:column]`.
    /// - Throws: `BoltzmannError` for invalid TOML (with line and column), unknown keys (listing
    ///   the valid ones), values of the wrong type, an empty sweep or zipped axes of different
    ///   lengths, missing required parameters, and any task whose parameters the scenario
    ///   rejects (naming the task).
    public static func parse(_ text: String, source: String = "spec", registry: ScenarioRegistry = .standard) throws(BoltzmannError) -> ExperimentSpec {
        let document = try SpecDocument(text: text, source: source)
        let root = document.root
        for key in root.keys.sorted() where !topLevelKeys.contains(key) {
            throw BoltzmannError(
                "unknown key \"\(key)\" in the spec",
                fix: "valid top-level keys are: \(topLevelKeys.joined(separator: ", "))", source: document.location(ofKey: key))
        }
        let name = try requiredText("name", root, document)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw BoltzmannError("the experiment name \"\(name)\" is empty or has characters other than letters, digits, -, _ and .",
                                 fix: "use a name like nishimori-p3", source: document.location(ofKey: "name"))
        }
        var description: String?
        if let value = root["description"] {
            guard case .text(let s) = value else { throw typeError("description", "a quoted text", document) }
            description = s
        }
        let scenario = try requiredText("scenario", root, document)
        let kinds = try resolveKinds(scenario: scenario, run: root["run"], registry: registry, document: document)
        let scenarios = kinds.map { registry.scenario(kind: $0)! }

        var seed: UInt64 = 1
        if let value = root["seed"] {
            guard case .integer(let n) = value, n >= 0 else { throw typeError("seed", "a whole number ≥ 0", document) }
            seed = UInt64(n)
        }
        var repeats = 1
        if let value = root["repeats"] {
            guard case .integer(let n) = value, n >= 1 else { throw typeError("repeats", "a whole number ≥ 1", document) }
            repeats = n
        }

        // Parameter declarations, first declaration of a name wins (members of a family share them).
        var declarations: [String: ScenarioParameter] = [:]
        var declaredOrder: [String] = []
        for scenario in scenarios {
            for parameter in scenario.parameters where declarations[parameter.name] == nil {
                declarations[parameter.name] = parameter
                declaredOrder.append(parameter.name)
            }
        }
        func declaration(_ name: String, _ section: String) throws(BoltzmannError) -> ScenarioParameter {
            guard name != "repeat", let parameter = declarations[name] else {
                let valid = declaredOrder.isEmpty ? "none (\(kinds.joined(separator: ", ")) takes no parameters)"
                    : declaredOrder.joined(separator: ", ")
                throw BoltzmannError(
                    "unknown parameter \"\(name)\" in \(section) for \(kinds.joined(separator: " and "))",
                    fix: "valid parameters are: \(valid)", source: document.location(ofKey: name))
            }
            return parameter
        }

        var fixed = ResultRecord()
        if let value = root["parameters"] {
            guard case .table(let table) = value else { throw typeError("parameters", "a table ([parameters])", document) }
            for key in table.keys.sorted() {
                let parameter = try declaration(key, "[parameters]")
                let raw: ResultValue
                switch table[key]! {
                case .integer(let n): raw = .integer(n)
                case .number(let x): raw = .number(x)
                case .text(let s): raw = .text(s)
                case .bool(let b): raw = .bool(b)
                case .array, .table:
                    throw BoltzmannError(
                        "the parameter \(key) in [parameters] is a list or table",
                        fix: "give one value here; to sweep \(key), put it in a [[sweep]] block", source: document.location(ofKey: key))
                }
                fixed[key] = try located(document, key) { () throws(BoltzmannError) in try parameter.coerce(raw) }
            }
        }

        var sweep: [SweepBlock] = []
        var swept = Set<String>()
        if let value = root["sweep"] {
            let blocks: [[String: SpecDocument.Value]]
            switch value {
            case .table(let table): blocks = [table]
            case .array(let items):
                var tables: [[String: SpecDocument.Value]] = []
                for item in items {
                    guard case .table(let table) = item else { throw typeError("sweep", "[[sweep]] blocks of axes", document) }
                    tables.append(table)
                }
                blocks = tables
            default: throw typeError("sweep", "[[sweep]] blocks of axes", document)
            }
            for (blockIndex, table) in blocks.enumerated() {
                guard !table.isEmpty else {
                    throw BoltzmannError("sweep block \(blockIndex + 1) is empty", fix: "give it at least one axis or remove it",
                                         source: document.source)
                }
                var axes: [SweepAxis] = []
                for key in table.keys.sorted() {
                    let parameter = try declaration(key, "[[sweep]]")
                    guard fixed[key] == nil else {
                        throw BoltzmannError("\(key) is both fixed in [parameters] and swept",
                                             fix: "remove it from one of the two", source: document.location(ofKey: key))
                    }
                    guard swept.insert(key).inserted else {
                        throw BoltzmannError("\(key) is swept in two [[sweep]] blocks",
                                             fix: "sweep each parameter in one block", source: document.location(ofKey: key))
                    }
                    var axis = try SweepAxis.parse(name: key, value: table[key]!, document: document)
                    var coerced: [ResultValue] = []
                    for value in axis.values {
                        coerced.append(try located(document, key) { () throws(BoltzmannError) in try parameter.coerce(value) })
                    }
                    axis.values = coerced
                    axes.append(axis)
                }
                if Set(axes.map(\.values.count)).count > 1 {
                    let lengths = axes.map { "\($0.name): \($0.values.count)" }.joined(separator: ", ")
                    throw BoltzmannError(
                        "the axes of sweep block \(blockIndex + 1) are zipped but have different lengths (\(lengths))",
                        fix: "give zipped axes the same number of values, or put them in separate [[sweep]] blocks to cross them",
                        source: document.location(ofKey: axes[0].name))
                }
                sweep.append(SweepBlock(axes: axes))
            }
        }

        for scenario in scenarios {
            for parameter in scenario.parameters where parameter.required && fixed[parameter.name] == nil && !swept.contains(parameter.name) {
                throw BoltzmannError(
                    "\(scenario.kind) needs the parameter \(parameter.name) (\(parameter.help))",
                    fix: "set \(parameter.name) in [parameters] or sweep it in a [[sweep]] block", source: document.source)
            }
        }

        let tasks = try enumerateTasks(
            scenarios: scenarios, fixed: fixed, sweep: sweep, seed: seed, repeats: repeats, source: document.source)
        var axes = sweep.flatMap { $0.axes.map(\.name) }
        if repeats > 1 && scenarios.contains(where: \.isStochastic) { axes.append("repeat") }
        return ExperimentSpec(
            name: name, description: description, scenario: scenario, kinds: kinds, seed: seed, repeats: repeats,
            fixedParameters: fixed, sweep: sweep, text: text, hash: document.hash, axes: axes, tasks: tasks)
    }

    /// The kinds a `scenario` (kind or family) and optional `run` list select.
    private static func resolveKinds(
        scenario: String, run: SpecDocument.Value?, registry: ScenarioRegistry, document: SpecDocument
    ) throws(BoltzmannError) -> [String] {
        if registry.scenario(kind: scenario) != nil {
            if run != nil {
                throw BoltzmannError(
                    "run applies to scenario families, but \"\(scenario)\" is a single kind",
                    fix: "remove run, or name a family (\(registry.families.keys.sorted().joined(separator: ", ")))",
                    source: document.location(ofKey: "run"))
            }
            return [scenario]
        }
        guard let members = registry.families[scenario] else {
            throw BoltzmannError(
                "unknown scenario \"\(scenario)\"",
                fix: "use a kind (\(registry.kinds.joined(separator: ", "))) or a family (\(registry.families.keys.sorted().joined(separator: ", ")))",
                source: document.location(ofKey: "scenario"))
        }
        guard let run else { return ScenarioRegistry.defaultRoles(of: members).map { members[$0]! } }
        let roles = ScenarioRegistry.defaultRoles(of: members)
        guard case .array(let items) = run, !items.isEmpty else {
            throw BoltzmannError("run must be a non-empty list", fix: "write run = [\(roles.map { "\"\($0)\"" }.joined(separator: ", "))]",
                                 source: document.location(ofKey: "run"))
        }
        var kinds: [String] = []
        for item in items {
            guard case .text(let role) = item, let kind = members[role] else {
                throw BoltzmannError(
                    "run lists \(SpecDocument.canonical(item)), which is not a member of \(scenario)",
                    fix: "members of \(scenario) are: \(roles.joined(separator: ", "))", source: document.location(ofKey: "run"))
            }
            guard !kinds.contains(kind) else {
                throw BoltzmannError("run lists \(role) twice", fix: "list each member once", source: document.location(ofKey: "run"))
            }
            kinds.append(kind)
        }
        return kinds
    }

    private static func enumerateTasks(
        scenarios: [any ExperimentScenario], fixed: ResultRecord, sweep: [SweepBlock], seed: UInt64, repeats: Int, source: String
    ) throws(BoltzmannError) -> [ExperimentTask] {
        // The crossed sweep, first block outermost.
        var points: [[(String, ResultValue)]] = [[]]
        for block in sweep {
            points = points.flatMap { point in
                (0..<block.count).map { j in point + block.axes.map { ($0.name, $0.values[j]) } }
            }
        }
        var tasks: [ExperimentTask] = []
        for scenario in scenarios {
            let names = Set(scenario.parameters.map(\.name))
            var seen = Set<String>()
            for point in points {
                let projected = point.filter { names.contains($0.0) }
                let key = projected.map { "\($0.0)=\(RecordJSON.text($0.1))" }.joined(separator: "&")
                guard seen.insert(key).inserted else { continue }
                let values = Dictionary(projected, uniquingKeysWith: { a, _ in a })
                var record = ResultRecord()
                for parameter in scenario.parameters {
                    if let value = values[parameter.name] ?? fixed[parameter.name] ?? parameter.defaultValue {
                        record[parameter.name] = value
                    }
                }
                do {
                    try scenario.check(ScenarioParameters(record))
                } catch {
                    let point = projected.map { "\($0.0) = \(RecordJSON.text($0.1))" }.joined(separator: ", ")
                    throw BoltzmannError(
                        "\(scenario.kind) rejects the sweep point \(point.isEmpty ? "(no swept parameters)" : point): \(error.problem)",
                        fix: error.fix, source: source)
                }
                for r in 0..<(scenario.isStochastic ? repeats : 1) {
                    var parameters = record
                    if scenario.isStochastic && repeats > 1 { parameters["repeat"] = .integer(r) }
                    let index = tasks.count
                    tasks.append(ExperimentTask(
                        index: index, kind: scenario.kind, parameters: parameters, seed: taskSeed(runSeed: seed, index: index)))
                }
            }
        }
        return tasks
    }

    private static func requiredText(_ key: String, _ root: [String: SpecDocument.Value], _ document: SpecDocument) throws(BoltzmannError) -> String {
        guard let value = root[key] else {
            throw BoltzmannError("the spec has no \(key)", fix: "add \(key) = \"…\" at the top of the spec", source: document.source)
        }
        guard case .text(let s) = value else { throw typeError(key, "a quoted text", document) }
        return s
    }

    private static func typeError(_ key: String, _ expected: String, _ document: SpecDocument) -> BoltzmannError {
        BoltzmannError("\(key) must be \(expected)", fix: "correct \(key) in the spec", source: document.location(ofKey: key))
    }

    /// Runs `body`, putting the key's line into the error's source.
    private static func located<T>(_ document: SpecDocument, _ key: String, _ body: () throws(BoltzmannError) -> T) throws(BoltzmannError) -> T {
        do {
            return try body()
        } catch {
            var located = error
            located.source = document.location(ofKey: key)
            throw located
        }
    }
}
