import LabCore

extension JSONValue {
  /// The value keeping only `fields` (dotted paths such as `person.name`), as the Platform's
  /// `fields` parameter does; an empty list keeps everything.
  public func projected(fields: [String]) -> JSONValue {
    guard !fields.isEmpty else { return self }
    var result: JSONValue = .object([:])
    for field in fields {
      let path = field.split(separator: ".").map(String.init)
      if let value = self[path: path] { result.setValue(value, at: path[...]) }
    }
    return result
  }
}
