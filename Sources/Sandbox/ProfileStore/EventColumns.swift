import Dispatch
import Foundation
import LabCore
import PQL

/// New experience events as columns, one code per event, with their times: what streaming
/// evaluation appends to the profile store's rows.
///
/// The events are parsed and their fields put in columns on every core, each core a share of
/// them, so no event's JSON outlives its share.
struct EventColumns {
  /// The events' fields other than `timestamp`, by leaf path.
  var columns: [PQLColumns.Column]
  /// Each event's `timestamp`, in milliseconds since the epoch.
  var times: [Int64]

  /// The events whose JSON texts are `texts`, in order; `nil` when one does not parse or has
  /// no readable `timestamp`.
  init?(parsing texts: [String]) {
    let count = texts.count
    let workers = count < 512 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount)
    var shares = [(columns: [PQLColumns.Column], times: [Int64])?](repeating: nil, count: workers)
    shares.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var set = ColumnSet()
        var times: [Int64] = []
        for index in (count * worker / workers)..<(count * (worker + 1) / workers) {
          guard let event = try? JSONParser.parse(texts[index]),
            let time = PQLEventList.milliseconds(ofTimestampIn: event)
          else { return }
          var fields = event.objectValue ?? [:]
          fields["timestamp"] = nil
          set.addRow(fields)
          times.append(time)
        }
        output[worker] = (set.columns, times)
      }
    }
    var parts: [(columns: [PQLColumns.Column], times: [Int64])] = []
    for share in shares {
      guard let share else { return nil }
      parts.append(share)
    }
    times = parts.flatMap(\.times)
    columns = Self.joined(parts.map { ($0.columns, $0.times.count) })
  }

  /// The columns of consecutive shares of events (each with its number of events) as one set:
  /// each path's values one share's after the other's, its codes shifted to match.
  static func joined(_ parts: [(columns: [PQLColumns.Column], events: Int)])
    -> [PQLColumns.Column]
  {
    guard parts.count > 1 else { return parts.first?.columns ?? [] }
    let missing = PQLColumns.Column.missing
    var paths: [[String]] = []
    var seen = Set<[String]>()
    for part in parts {
      for column in part.columns where seen.insert(column.path).inserted {
        paths.append(column.path)
      }
    }
    let byPath = parts.map { part in
      Dictionary(part.columns.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
    return paths.map { path in
      var values: [JSONValue] = []
      var codes: [UInt32] = []
      for (index, part) in parts.enumerated() {
        guard let column = byPath[index][path] else {
          codes += repeatElement(missing, count: part.events)
          continue
        }
        let offset = UInt32(values.count)
        values += column.values
        codes += column.codes.map { $0 == missing ? missing : $0 + offset }
      }
      return PQLColumns.Column(path: path, values: values, codes: codes)
    }
  }
}
