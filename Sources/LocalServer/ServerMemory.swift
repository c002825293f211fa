import Synchronization

/// What the local server keeps in memory, as the Platform keeps it for a while: previews (each
/// with its estimate), the Catalog dataset records made for exports, and export jobs.
///
/// None of it survives a restart (the Platform expires previews too); the exported datasets
/// themselves are in the sandbox. At most ``previewLimit`` previews are kept, oldest dropped.
final class ServerMemory: Sendable {
  /// The most previews kept at once.
  static let previewLimit = 100

  private let state = Mutex(State())

  /// The stored values.
  private struct State {
    var previews: [PreviewJob] = []
    var executions = 0
    var dataSets: [String: String] = [:]
    var exportJobs: [ExportJob] = []
  }

  /// Stores a new preview made by `make` from the next execution number.
  func addPreview(_ make: (Int) -> PreviewJob) -> PreviewJob {
    state.withLock { state in
      state.executions += 1
      let preview = make(state.executions)
      state.previews.append(preview)
      if state.previews.count > Self.previewLimit { state.previews.removeFirst() }
      return preview
    }
  }

  /// The preview (and estimate) `id`, if kept.
  func preview(_ id: String) -> PreviewJob? {
    state.withLock { state in state.previews.first { $0.previewId == id } }
  }

  /// Forgets the preview `id`; whether it was kept.
  func removePreview(_ id: String) -> Bool {
    state.withLock { state in
      let count = state.previews.count
      state.previews.removeAll { $0.previewId == id }
      return state.previews.count < count
    }
  }

  /// Records that the Catalog dataset `id` is to be named `name`.
  func addDataSet(id: String, name: String) {
    state.withLock { state in state.dataSets[id] = name }
  }

  /// The name recorded for the Catalog dataset `id`.
  func dataSetName(_ id: String) -> String? {
    state.withLock { state in state.dataSets[id] }
  }

  /// Stores a new export job made by `make` from the next job number.
  func addExportJob(_ make: (Int) -> ExportJob) -> ExportJob {
    state.withLock { state in
      let job = make(state.exportJobs.count + 1)
      state.exportJobs.append(job)
      return job
    }
  }

  /// Every export job, oldest first.
  var exportJobs: [ExportJob] {
    state.withLock { state in state.exportJobs }
  }
}
