import Foundation

/// Tells the user how a run is going, on standard error (standard output stays free for data):
/// a bar with the ETA redrawn in place on a terminal, one plain line per finished task
/// otherwise (logs, cluster jobs), or nothing.
///
/// ETA = elapsed × remaining / finished, the tasks finished in this run only (resumed tasks
/// do not count towards the rate).
public final class ProgressReporter: @unchecked Sendable {
    public enum Style: Sendable, Equatable {
        /// A bar redrawn in place (`\r`), for terminals.
        case bar
        /// One line per finished task.
        case lines
        /// Nothing.
        case quiet
    }

    public let style: Style
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var total = 0
    private var done = 0
    private var finishedHere = 0
    private var start = Date()

    /// - Parameter write: where the text goes (standard error by default; tests capture it).
    public init(style: Style, write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.style = style
        self.write = write
    }

    /// The bar on a terminal, lines otherwise, nothing when `quiet`.
    public static func automatic(quiet: Bool) -> ProgressReporter {
        ProgressReporter(style: quiet ? .quiet : (isatty(STDERR_FILENO) == 1 ? .bar : .lines))
    }

    /// Called once before tasks run: `total` tasks in this run's share, `alreadyDone` stored before.
    public func begin(total: Int, alreadyDone: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.total = total
        done = alreadyDone
        finishedHere = 0
        start = Date()
        switch style {
        case .quiet: return
        case .lines: write("\(total - alreadyDone) of \(total) tasks to run (\(alreadyDone) already stored)\n")
        case .bar: write(barText())
        }
    }

    /// Called after each task is committed.
    public func finished(_ task: FinishedTask) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        finishedHere += 1
        switch style {
        case .quiet: return
        case .bar: write(barText())
        case .lines:
            let point = task.parameters.keys.prefix(6).map { "\($0)=\(RecordJSON.text(task.parameters[$0] ?? .null))" }.joined(separator: " ")
            write("[\(done)/\(total)] task \(task.index) \(task.kind) \(point) in \(Self.format(seconds: task.wallSeconds)); ETA \(eta())\n")
        }
    }

    /// Called when the run stops (normally or not).
    public func end() {
        lock.lock()
        defer { lock.unlock() }
        switch style {
        case .quiet: return
        case .bar: write(barText() + "\n")
        case .lines: write("\(done)/\(total) tasks stored, \(Self.format(seconds: Date().timeIntervalSince(start))) elapsed\n")
        }
    }

    private func barText() -> String {
        let width = 30
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((fraction * 100).rounded(.down))
        return "\r[\(bar)] \(done)/\(total) \(percent)%  elapsed \(Self.format(seconds: Date().timeIntervalSince(start)))  ETA \(eta())  "
    }

    private func eta() -> String {
        guard finishedHere > 0 else { return "--:--" }
        let elapsed = Date().timeIntervalSince(start)
        return Self.format(seconds: elapsed * Double(total - done) / Double(finishedHere))
    }

    /// `m:ss`, or `h:mm:ss` from an hour; fractions of a second below ten seconds.
    static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "--:--" }
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        let whole = Int(seconds.rounded())
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
