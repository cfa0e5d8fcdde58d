import Foundation

/// Checks on HTML text and on Chromium's rendering of it, for the report tests.
enum ReportSupportHTML {
    /// Elements that have no end tag in HTML.
    static let voidElements: Set<String> = ["meta", "br", "img", "link", "input", "hr", "col", "area", "base", "wbr"]

    /// The first tag-structure problem of `html` (an end tag that does not close the innermost
    /// open element, or elements left open), nil when every element is closed in order.
    /// Understands comments, the doctype, void elements and XML self-closing tags (`<path/>`).
    static func unbalancedTag(in html: String) -> String? {
        var open: [String] = []
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: start)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return "unterminated comment" }
                rest = rest[end.upperBound...]
                continue
            }
            guard let end = rest.firstIndex(of: ">") else { return "unterminated tag" }
            let tag = rest[..<end]
            rest = rest[rest.index(after: end)...]
            if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : tag).prefix { !$0.isWhitespace && $0 != "/" }).lowercased()
            guard !name.isEmpty else { return "empty tag name (an unescaped <?)" }
            if closing {
                guard open.last == name else { return "</\(name)> closes <\(open.last ?? "nothing")>" }
                open.removeLast()
            } else if !tag.hasSuffix("/") && !voidElements.contains(name) {
                open.append(name)
            }
        }
        return open.isEmpty ? nil : "unclosed <\(open.joined(separator: "> <"))>"
    }

    /// The first headless Chromium on PATH: Debian's `chromium`, then `chromium-browser`, then
    /// `google-chrome`.
    static let chromium: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }()

    /// Runs Chromium headless with `arguments` + the page's URL; returns standard output.
    /// Gives up (terminating the browser it started) after `timeout` seconds.
    static func runChromium(_ arguments: [String], page: URL, timeout: TimeInterval = 90) throws -> String {
        guard let chromium else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=" + page.deletingLastPathComponent().appendingPathComponent("profile").path]
            + arguments + [page.absoluteString]
        let outputURL = page.deletingLastPathComponent().appendingPathComponent("chromium-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try output.close()
        return (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    }

    /// Width and height from a PNG's IHDR chunk; nil if `data` is not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
        else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }
}
