import Foundation

/// Decodes `module.json` and `exercise.json` files, turning every decoding failure into a
/// ``CurriculumError`` that names the field and the fix.
enum ManifestDecoder {
  /// The `formatVersion` values this build reads.
  static let supportedFormatVersions = 1...1

  /// Reads and decodes the manifest at `url`, shown to people as `path`.
  static func decode<T: Decodable>(_ type: T.Type, at url: URL, path: String)
    throws(CurriculumError) -> T
  {
    let data = try read(url, path: path)
    return try decode(type, from: data, path: path)
  }

  /// Reads a file, mapping a missing or unreadable file to a ``CurriculumError``.
  static func read(_ url: URL, path: String) throws(CurriculumError) -> Data {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw .missingFile(
        path: path, fix: "Restore it with 'git checkout -- \(path)', or create it.")
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw .unreadableFile(path: path, reason: error.localizedDescription)
    }
  }

  /// Decodes `data`, checking `formatVersion` first so newer content is named as such.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data, path: String)
    throws(CurriculumError) -> T
  {
    let decoder = JSONDecoder()
    let version: Versioned
    do {
      version = try decoder.decode(Versioned.self, from: data)
    } catch {
      if case .syntaxError(let detail) = JSONText.parse(data) {
        throw .invalidManifest(
          path: path, reason: "is not valid JSON (\(detail))",
          fix: "Fix the syntax there; a missing comma or quote is the usual cause.")
      }
      throw describe(error, path: path)
    }
    guard let found = version.formatVersion else {
      throw .invalidManifest(
        path: path, reason: "has no \"formatVersion\"",
        fix: "Add \"formatVersion\": \(supportedFormatVersions.upperBound) at its top level.")
    }
    guard supportedFormatVersions.contains(found) else {
      throw .unsupportedFormatVersion(path: path, found: found, supported: supportedFormatVersions)
    }
    do {
      return try decoder.decode(type, from: data)
    } catch {
      throw describe(error, path: path)
    }
  }

  /// A sentence for a decoding failure: which field, and how to fix it.
  static func describe(_ error: any Error, path: String) -> CurriculumError {
    guard let error = error as? DecodingError else {
      return .invalidManifest(
        path: path, reason: "cannot be decoded (\(error.localizedDescription))",
        fix: "Compare it with an existing manifest of the same kind.")
    }
    switch error {
    case .keyNotFound(let key, let context):
      let field = fieldName(context.codingPath + [key])
      return .invalidManifest(
        path: path, reason: "has no field '\(field)'",
        fix: "Add \"\(key.stringValue)\" to it (see CONTRIBUTING.md for the format).")
    case .typeMismatch(let type, let context):
      return .invalidManifest(
        path: path, reason: "has a wrong value at '\(fieldName(context.codingPath))'",
        fix: "It should be \(typeName(type)).")
    case .valueNotFound(let type, let context):
      return .invalidManifest(
        path: path, reason: "has null at '\(fieldName(context.codingPath))'",
        fix: "It should be \(typeName(type)).")
    case .dataCorrupted(let context):
      if context.codingPath.isEmpty {
        return .invalidManifest(
          path: path, reason: "is not valid JSON (\(JSONText.syntaxDetail(of: error)))",
          fix: "Fix the syntax there; a missing comma or quote is the usual cause.")
      }
      return .invalidManifest(
        path: path,
        reason: "has a wrong value at '\(fieldName(context.codingPath))' "
          + "(\(context.debugDescription))",
        fix: "Correct that value.")
    @unknown default:
      return .invalidManifest(
        path: path, reason: "cannot be decoded", fix: "Compare it with an existing manifest.")
    }
  }

  private static func fieldName(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
      .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Int.Type, is Double.Type: return "a number"
    case is Bool.Type: return "true or false"
    case is [String].Type: return "an array of strings"
    default:
      let name = "\(type)"
      if name.hasPrefix("Array") { return "an array" }
      if name.hasPrefix("Dictionary") { return "an object" }
      return "a JSON value of type \(name)"
    }
  }

  private struct Versioned: Decodable {
    var formatVersion: Int?
  }
}
