import Curriculum
import Foundation
import LabCore
import Persistence

/// A lesson rendered for the terminal, with where it sits in the module and how to move on.
enum LessonView {
  /// The lesson's header line, its Markdown rendered, and the navigation line.
  static func render(_ lesson: Lesson, of module: TrainingModule, console: Console) -> String {
    let count = module.lessons.count
    var text =
      console.styled("Lesson \(lesson.number) of \(count) · \(module.title)", .dim) + "\n\n"
    text += MarkdownRenderer(console: console).render(lesson.markdown) + "\n"
    var moves: [String] = []
    if lesson.number < count {
      moves.append("'aep-lab lesson next' for lesson \(lesson.number + 1)")
    }
    if lesson.number > 1 { moves.append("'aep-lab lesson prev' to go back") }
    moves.append("'aep-lab status' for your progress")
    text += console.styled(moves.joined(separator: ", ") + ".", .dim) + "\n"
    return text
  }
}
