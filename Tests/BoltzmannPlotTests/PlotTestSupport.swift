import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

import BoltzmannPlot

/// An SVG string parsed by Foundation's XML parser (libxml2 on Linux): constructing it fails
/// unless the markup is well-formed XML.
struct ParsedSVG {
    let markup: String
    let document: XMLDocument

    init(_ markup: String) throws {
        self.markup = markup
        self.document = try XMLDocument(xmlString: markup, options: [])
    }

    var root: XMLElement? { document.rootElement() }

    /// Elements with `class` attribute `className`, in document order.
    func elements(class className: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[@class='\(className)']").compactMap { $0 as? XMLElement }
    }

    /// Elements with local name `name` (the SVG namespace is the default one).
    func elements(named name: String) throws -> [XMLElement] {
        try document.nodes(forXPath: "//*[local-name()='\(name)']").compactMap { $0 as? XMLElement }
    }
}

extension XMLElement {
    func number(_ attribute: String) -> Double? {
        string(attribute).flatMap(Double.init)
    }

    /// The attribute's value. (Looked up by scanning `attributes`: on Linux,
    /// `attribute(forName:)` finds nothing inside an element in a default namespace.)
    func string(_ attribute: String) -> String? {
        attributes?.first { $0.name == attribute }?.stringValue
    }
}

/// Number of subpaths (`M` commands) in SVG path data.
func subpathCount(_ pathData: String) -> Int {
    pathData.filter { $0 == "M" }.count
}

/// |a − b| ≤ tolerance, element-wise, with equal lengths.
func allClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
}
