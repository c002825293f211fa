import Foundation
import Identities
import Sandbox

/// An identity graph drawn as SVG: identities on a circle, coloured and labelled by namespace,
/// one line per active link.
enum GraphSVG {
  /// The colours of the namespaces, in order of first appearance.
  static let palette = ["#0a4fb3", "#b35a0a", "#1d7a32", "#7a1d6e", "#a00000", "#4a4a4a"]

  /// The picture as an `<svg>` element, with a title for screen readers.
  static func render(_ picture: GraphPicture) -> String {
    let size = 520.0
    let center = size / 2
    let radius = picture.identities.count <= 1 ? 0 : size / 2 - 110
    var points: [Identity: (Double, Double)] = [:]
    for (index, identity) in picture.identities.enumerated() {
      let angle = 2 * Double.pi * Double(index) / Double(max(picture.identities.count, 1))
      points[identity] = (center + radius * cos(angle), center + radius * sin(angle))
    }
    var namespaces: [String] = []
    for identity in picture.identities where !namespaces.contains(identity.namespace) {
      namespaces.append(identity.namespace)
    }
    var svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(size)) "
      + "\(Int(size))\" width=\"\(Int(size))\" height=\"\(Int(size))\" aria-labelledby=\"graph-title\">"
      + "<title id=\"graph-title\">Identity graph of \(escape(picture.requested.id)): "
      + "\(picture.identities.count) identities</title>"
    for link in picture.links where link.state == .active {
      guard let from = points[link.from], let to = points[link.to] else { continue }
      let dataset = picture.datasetNames[link.origin.dataset] ?? link.origin.dataset
      svg +=
        "<line x1=\"\(format(from.0))\" y1=\"\(format(from.1))\" x2=\"\(format(to.0))\" "
        + "y2=\"\(format(to.1))\" stroke=\"#888\" stroke-width=\"2\"><title>"
        + "\(escape(dataset)), \(escape(link.origin.batch))</title></line>"
    }
    for identity in picture.identities {
      guard let point = points[identity] else { continue }
      let colour = palette[(namespaces.firstIndex(of: identity.namespace) ?? 0) % palette.count]
      let label =
        identity.id.count > 22
        ? String(identity.id.prefix(8)) + "…" + String(identity.id.suffix(8)) : identity.id
      svg +=
        "<g data-node=\"\(escape(identity.namespace))\"><circle cx=\"\(format(point.0))\" "
        + "cy=\"\(format(point.1))\" r=\"14\" fill=\"\(colour)\"/>"
        + "<text x=\"\(format(point.0))\" y=\"\(format(point.1 + 30))\" text-anchor=\"middle\">"
        + "<tspan font-weight=\"bold\">\(escape(identity.namespace))</tspan> \(escape(label))"
        + "</text></g>"
    }
    return svg + "</svg>"
  }

  /// A coordinate with one decimal.
  static func format(_ value: Double) -> String { String(format: "%.1f", value) }

  /// `text` safe inside SVG text and attributes.
  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
