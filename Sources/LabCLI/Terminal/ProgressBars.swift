import Foundation

/// The progress bars of a library's long work told by title: a bar per title, drawn on a
/// terminal only, cleared when its work is done.
final class ProgressBars: @unchecked Sendable {
  // Mutable state is guarded by `lock`.
  private let lock = NSLock()
  private var current: (title: String, bar: ProgressBar)?

  /// Shows that `done` of `total` units of the work `title` are finished.
  func update(_ title: String, _ done: Int, _ total: Int) {
    lock.withLock {
      if current?.title != title {
        current?.bar.finish()
        current = (title, ProgressBar(title: title, total: total))
      }
      current?.bar.update(done)
      if done >= total {
        current?.bar.finish()
        current = nil
      }
    }
  }
}
