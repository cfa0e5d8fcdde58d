import Foundation
import ArgumentParser
import Boltzmann

/// A swept parameter on the command line: a list `0.5,1,2`, a linear range `start:stop:count`
/// or a logarithmic range `log:start:stop:count` (both ends included).
struct ParameterList: ExpressibleByArgument, Sendable {
    var values: [Double]
    var text: String

    init?(argument: String) {
        text = argument
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3 || (parts.count == 4 && parts[0] == "log") {
            let numbers = parts.suffix(3)
            guard let start = Double(numbers[numbers.startIndex]),
                let stop = Double(numbers[numbers.startIndex + 1]),
                let count = Int(numbers[numbers.startIndex + 2]), count >= 1
            else { return nil }
            if parts.count == 4 {
                guard start > 0, stop > 0 else { return nil }
                let (a, b) = (start.log10(), stop.log10())
                values = count == 1 ? [start] : (0..<count).map { Double.pow(10, a + (b - a) * Double($0) / Double(count - 1)) }
            } else {
                values = count == 1 ? [start] : (0..<count).map { start + (stop - start) * Double($0) / Double(count - 1) }
            }
        } else {
            let numbers = argument.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return nil }
            values = numbers.compactMap { $0 }
        }
        guard values.allSatisfy(\.isFinite) else { return nil }
        // Grid points computed as start + k·step carry rounding noise (0.15000000000000002);
        // twelve significant digits are what the user asked for.
        values = values.map { Double(String(format: "%.12g", $0)) ?? $0 }
    }

    static var defaultValueDescription: String { "list a,b,c | start:stop:count | log:start:stop:count" }

    /// The values, or a clear error when the sweep is empty.
    func nonEmpty(_ name: String) throws -> [Double] {
        guard !values.isEmpty else {
            throw ValidationError("the sweep --\(name) \(text) is empty; give at least one value")
        }
        return values
    }
}

extension Double {
    fileprivate func log10() -> Double { Double.log10(self) }
}
