/// A template's context handed from the thread that read the sandbox to the one that renders.
///
/// Mustache reads `[String: Any]`, which Swift cannot prove sendable; a context is built once,
/// never changed after, and read by one renderer, so moving it across threads is safe.
struct PageContext: @unchecked Sendable {
  /// The values by name.
  var values: [String: Any]
}
