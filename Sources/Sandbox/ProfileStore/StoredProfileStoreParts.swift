import Foundation
import Persistence

/// The parts of one writing (`generation`) of one merge policy's store in the state file,
/// their names after `prefix` (`delta.` for the delta's); integer parts are read straight
/// into their arrays.
struct StoredProfileStoreParts: ProfileStoreParts {
  let store: SandboxStore
  let policyID: String
  let generation: String
  var prefix = ""

  func data(_ name: String) -> Data? {
    try? store.profileColumnPart(policyID: policyID, generation: generation, name: prefix + name)
  }

  func integers<T: FixedWidthInteger>(_ type: T.Type, _ name: String, count: Int?) -> [T]? {
    guard
      let values = try? store.profileColumnIntegers(
        type, policyID: policyID, generation: generation, name: prefix + name),
      count.map({ values.count == $0 }) ?? true
    else { return nil }
    return values
  }
}
