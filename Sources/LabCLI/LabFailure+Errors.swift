import Curriculum
import Persistence

extension LabFailure {
  /// The failure for any error a learn command meets, with the right exit code: 64 for an
  /// unknown module, exercise or lesson, 65 for broken content, 1 otherwise.
  init(_ error: any Error) {
    switch error {
    case let failure as LabFailure:
      self = failure
    case let error as CurriculumError:
      let message = error.errorDescription ?? "\(error)"
      switch error {
      case .unknownModule, .unknownExercise, .unknownLesson:
        self = .usage(message)
      case .invalidManifest, .unsupportedFormatVersion, .invalidCheckerParameters,
        .unknownCheckerKind:
        self = .invalidData(message + " ('aep-lab dev check' lists every content problem.)")
      default:
        self = .domain(message)
      }
    case let error as PersistenceError:
      self = .domain(error.errorDescription ?? "\(error)")
    default:
      self = .domain("\(error)")
    }
  }
}
