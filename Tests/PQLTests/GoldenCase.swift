import Foundation
import LabCore

/// One case of a `Golden/*.pql` file: an expression, its inputs and what it must give.
///
/// File format: `## id` starts a case; `# profile: NAME`, `# events: NAME` and `# now: ISO`
/// choose inputs from `fixtures.json`; the expression is every other line up to `# expect: JSON`
/// or `# expect error: Kind [at LINE:COLUMN]`; `# message:` pins the diagnostic text and
/// `# json:` the `pql/json` tree.
struct GoldenCase: CustomStringConvertible, Sendable {
  var file: String
  var id: String
  var expression = ""
  var profile: String?
  var events: String?
  var now = "2025-06-18T12:00:00Z"
  var expected: JSONValue?
  var expectedError: String?
  var expectedLocation: (line: Int, column: Int)?
  var expectedMessage: String?
  var expectedJSON: JSONValue?

  var description: String { "\(file):\(id)" }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// Every case in every golden file, in file order.
  static func all() -> [GoldenCase] {
    let files =
      ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".pql") }.sorted()
    return files.flatMap { file in
      parse(
        (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? "",
        file: file)
    }
  }

  static func parse(_ text: String, file: String) -> [GoldenCase] {
    var cases: [GoldenCase] = []
    var current: GoldenCase?
    var lines: [String] = []
    func finish() {
      guard var golden = current else { return }
      while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
      while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true, lines.count > 1 {
        lines.removeFirst()
      }
      golden.expression = lines.joined(separator: "\n")
      cases.append(golden)
      current = nil
      lines = []
    }
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("## ") {
        finish()
        current = GoldenCase(file: file, id: String(line.dropFirst(3)))
        continue
      }
      guard current != nil else { continue }
      if line.hasPrefix("# ") {
        let body = String(line.dropFirst(2))
        let (key, value) = split(body)
        switch key {
        case "profile": current?.profile = value
        case "events": current?.events = value
        case "now": current?.now = value
        case "expect": current?.expected = decode(value)
        case "json": current?.expectedJSON = decode(value)
        case "message": current?.expectedMessage = value
        case "expect error":
          let parts = value.components(separatedBy: " at ")
          current?.expectedError = parts[0]
          if parts.count > 1 {
            let numbers = parts[1].split(separator: ":").compactMap { Int($0) }
            if numbers.count == 2 { current?.expectedLocation = (numbers[0], numbers[1]) }
          }
        default: break
        }
        continue
      }
      lines.append(line)
    }
    finish()
    return cases
  }

  private static func split(_ body: String) -> (String, String) {
    guard let colon = body.firstIndex(of: ":") else { return (body, "") }
    let key = String(body[..<colon])
    let value = String(body[body.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    return (key, value)
  }

  static func decode(_ text: String) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }
}
