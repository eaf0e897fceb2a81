import Foundation
import FoundationXML

/// A parsed SVG document as a tree, for tests that ask where an element sits (its ancestors) and what
/// styles reach it.
final class SVGElement {
    let name: String
    let attributes: [String: String]
    weak var parent: SVGElement?
    var children: [SVGElement] = []
    /// Character data directly inside this element.
    var text = ""

    init(name: String, attributes: [String: String], parent: SVGElement?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }

    /// This element and everything below it, depth first.
    var descendants: [SVGElement] { [self] + children.flatMap(\.descendants) }

    /// This element's ancestors, nearest first.
    var ancestors: [SVGElement] {
        var result: [SVGElement] = []
        var node = parent
        while let current = node {
            result.append(current)
            node = current.parent
        }
        return result
    }

    /// The text a reader sees: each `<text>` below this element (titles left out), joined by spaces.
    var visibleText: String {
        descendants.filter { $0.name == "text" }.map(\.text).joined(separator: " ")
    }

    /// The first element with `className`, depth first.
    func first(withClass className: String) -> SVGElement? {
        descendants.first { $0.classes.contains(className) }
    }

    static func parse(_ svg: String) -> SVGElement? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = builder
        return parser.parse() ? builder.root : nil
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: SVGElement?
    private var current: SVGElement?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        let element = SVGElement(name: elementName, attributes: attributes, parent: current)
        current?.children.append(element)
        if root == nil { root = element }
        current = element
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        current = current?.parent
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        current?.text += string
    }
}
