import Dispatch
import Foundation

/// Reads the records of an ingest's files on every core, chunk by chunk, and hands the chunks
/// out in order while later ones are still being read.
///
/// An ingest links and stores chunk *k* while the cores read chunk *k + 1* and on, so the
/// reading overlaps with the linking and the writing instead of coming before them.
final class ParsePipeline: @unchecked Sendable {
  /// The records of one chunk of one file.
  struct Chunk {
    /// The file's position among the ingest's sources.
    var source: Int
    /// The outcome of each line, in order.
    var results: [LineResult]
  }

  /// One file to read: its text and NDJSON lines, or its JSON array already read.
  struct Source {
    var data: Data
    var lines: [LineSpan]
    var reader: RecordReader
    /// The results of a JSON array file, read whole before the pipeline starts.
    var parsed: [LineResult]?
  }

  /// How many lines a chunk holds.
  static let chunkLines = 4096

  private let sources: [Source]
  /// Each chunk's source and its first and end line index.
  private let plan: [(source: Int, from: Int, to: Int)]
  private let condition = NSCondition()
  private var ready: [[LineResult]?]
  private var nextToRead = 0
  private var nextToTake = 0
  private var readCount = 0
  private var cancelled = false
  private var started: DispatchTime?
  private var finished: DispatchTime?

  /// The number of lines over all sources (the records to link, at most).
  let lineCount: Int

  init(sources: [Source]) {
    self.sources = sources
    var plan: [(source: Int, from: Int, to: Int)] = []
    var lineCount = 0
    for (index, source) in sources.enumerated() {
      let count = source.parsed?.count ?? source.lines.count
      lineCount += count
      for from in stride(from: 0, to: count, by: Self.chunkLines) {
        plan.append((index, from, min(from + Self.chunkLines, count)))
      }
    }
    self.plan = plan
    self.lineCount = lineCount
    ready = Array(repeating: nil, count: plan.count)
  }

  /// Starts reading on every core.
  func start() {
    started = DispatchTime.now()
    let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: workers) { _ in self.work() }
    }
  }

  /// Stops reading chunks not yet started (when the ingest gives up): ``next()`` then hands
  /// out no chunk that is not read already.
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next chunk in order, waiting for it if needed; `nil` after the last one, or once
  /// cancelled.
  func next() -> Chunk? {
    condition.lock()
    defer { condition.unlock() }
    guard nextToTake < plan.count else { return nil }
    while ready[nextToTake] == nil {
      if cancelled { return nil }
      condition.wait()
    }
    let results = ready[nextToTake] ?? []
    ready[nextToTake] = nil
    let chunk = Chunk(source: plan[nextToTake].source, results: results)
    nextToTake += 1
    return chunk
  }

  /// Wall-clock seconds from the start until the last chunk was read (so far, if not done).
  var seconds: Double {
    condition.lock()
    defer { condition.unlock() }
    guard let started else { return 0 }
    let end = finished ?? DispatchTime.now()
    return Double(end.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
  }

  private func work() {
    while true {
      condition.lock()
      guard !cancelled, nextToRead < plan.count else {
        condition.unlock()
        return
      }
      let index = nextToRead
      nextToRead += 1
      condition.unlock()
      let results = read(plan[index])
      condition.lock()
      ready[index] = results
      readCount += 1
      if readCount == plan.count { finished = DispatchTime.now() }
      condition.broadcast()
      condition.unlock()
    }
  }

  private func read(_ step: (source: Int, from: Int, to: Int)) -> [LineResult] {
    let source = sources[step.source]
    if let parsed = source.parsed { return Array(parsed[step.from..<step.to]) }
    return source.data.withUnsafeBytes { raw in
      let input = raw.bindMemory(to: UInt8.self)
      return source.lines[step.from..<step.to].map { span in
        var end = span.end
        if end > span.start, input[end - 1] == 0x0D { end -= 1 }
        let slice = UnsafeBufferPointer(rebasing: input[span.start..<end])
        return LineResult(
          line: span.line, result: source.reader.read(line: span.line, bytes: slice))
      }
    }
  }
}
