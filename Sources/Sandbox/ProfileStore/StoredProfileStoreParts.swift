import Foundation
import Persistence

/// The parts of one writing (`generation`) of one merge policy's store in the state file;
/// integer parts are read straight into their arrays.
struct StoredProfileStoreParts: ProfileStoreParts {
  let store: SandboxStore
  let policyID: String
  let generation: String

  func data(_ name: String) -> Data? {
    try? store.profileColumnPart(policyID: policyID, generation: generation, name: name)
  }

  func integers<T: FixedWidthInteger>(_ type: T.Type, _ name: String, count: Int?) -> [T]? {
    guard
      let values = try? store.profileColumnIntegers(
        type, policyID: policyID, generation: generation, name: name),
      count.map({ values.count == $0 }) ?? true
    else { return nil }
    return values
  }
}
