import Foundation
import Persistence

extension Sandbox {
  /// The Catalog id a new dataset named `name` will have (ids derive from names), for the
  /// Platform's `POST /catalog/dataSets` before an export writes into it.
  ///
  /// Throws when the name is empty or a dataset already has it: an export writes a new dataset.
  public func newDatasetID(name: String) throws(SandboxError) -> String {
    let name = name.trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw .invalidRequest("A dataset needs a 'name'") }
    let datasets = try storage { () throws(PersistenceError) in try store.datasets() }
    if let existing = datasets.first(where: { $0.name.lowercased() == name.lowercased() }) {
      throw .invalidRequest(
        "A dataset named '\(existing.name)' already exists (id '\(existing.id)'); an export "
          + "writes a new dataset. Choose another name")
    }
    return Self.datasetID(forName: name)
  }
}
