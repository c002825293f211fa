import Dispatch
import Foundation
import LabCore
import PQL

/// New experience events as columns, one code per event, with their times: what streaming
/// evaluation appends to the profile store's rows.
///
/// The events are parsed on every core, each core a share of them. A column is
/// dictionary-encoded only when a query reads it, so the fields no streaming segment tests
/// cost no more than their parsing.
struct EventColumns {
  /// The events' fields other than `timestamp`, by leaf path, in first-seen order.
  var columns: [PQLColumns.Column]
  /// Each event's `timestamp`, in milliseconds since the epoch.
  var times: [Int64]

  /// The events whose JSON texts are `texts`, in order; `nil` when one does not parse or has
  /// no readable `timestamp`.
  init?(parsing texts: [String]) {
    typealias Share = (events: [[String: JSONValue]], times: [Int64], paths: [[String]])
    let count = texts.count
    let workers = count < 512 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
    var shares = [Share?](repeating: nil, count: workers)
    shares.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var share: Share = ([], [], [])
        var seen = Set<[String]>()
        for index in (count * worker / workers)..<(count * (worker + 1) / workers) {
          guard let event = try? JSONParser.parse(texts[index]),
            let time = PQLEventList.milliseconds(ofTimestampIn: event)
          else { return }
          var fields = event.objectValue ?? [:]
          fields["timestamp"] = nil
          var path: [String] = []
          Self.collectLeafPaths(of: fields, path: &path, seen: &seen, into: &share.paths)
          share.events.append(fields)
          share.times.append(time)
        }
        output[worker] = share
      }
    }
    var events: [[String: JSONValue]] = []
    var paths: [[String]] = []
    var seen = Set<[String]>()
    times = []
    for share in shares {
      guard let share else { return nil }
      events += share.events
      times += share.times
      for path in share.paths where seen.insert(path).inserted { paths.append(path) }
    }
    let all = events
    columns = paths.map { path in
      let encoded = LazyValue { Self.encode(all, at: path) }
      return PQLColumns.Column(
        path: path, valueCount: LazyValue { encoded.value.values.count },
        codes: LazyValue { encoded.value.codes }, values: LazyValue { encoded.value.values })
    }
  }

  /// Adds to `paths` the paths of the leaves of `object` (values that are not objects, and
  /// empty objects) under `path` that `seen` does not hold yet.
  private static func collectLeafPaths(
    of object: [String: JSONValue], path: inout [String], seen: inout Set<[String]>,
    into paths: inout [[String]]
  ) {
    for (key, value) in object {
      path.append(key)
      if case .object(let inner) = value, !inner.isEmpty {
        collectLeafPaths(of: inner, path: &path, seen: &seen, into: &paths)
      } else if !seen.contains(path) {
        seen.insert(path)
        paths.append(path)
      }
      path.removeLast()
    }
  }

  /// The column of the leaf at `path` in each of `events`: missing where an event has no
  /// leaf there (the field is absent, or an object with fields of its own).
  private static func encode(_ events: [[String: JSONValue]], at path: [String])
    -> ColumnEncoder
  {
    var encoder = ColumnEncoder()
    for event in events {
      var object = event
      var leaf: JSONValue?
      for (depth, key) in path.enumerated() {
        guard let value = object[key] else { break }
        if depth == path.count - 1 {
          if case .object(let inner) = value, !inner.isEmpty { break }
          leaf = value
        } else if case .object(let inner) = value {
          object = inner
        } else {
          break
        }
      }
      if let leaf { encoder.append(leaf) } else { encoder.appendMissing() }
    }
    return encoder
  }
}
