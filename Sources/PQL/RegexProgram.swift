import LabCore

/// A regular expression compiled to instructions and run by a Pike virtual machine.
///
/// Every thread advances in lock step over the text, so a match takes time proportional to the
/// text's length times the program's size, whatever the pattern (`(a+)+$` included). Threads
/// keep the priority a backtracking matcher would give them, so the first match and its
/// groups are the ones Java would report.
struct RegexProgram: Sendable {
  /// The most instructions a pattern may compile to (counted repetitions are expanded).
  static let maximumSize = 20_000

  /// The instructions; slots 0 and 1 hold the whole match.
  let instructions: [RegexInstruction]
  /// How many capture slots a thread carries (two per group, the whole match included).
  let slotCount: Int

  /// Compiles `pattern`, refusing what cannot run in linear time or is too large.
  init(_ pattern: String) throws(RegexParser.Failure) {
    let (node, groups) = try RegexParser.parse(pattern)
    var program: [RegexInstruction] = [.save(0)]
    try Self.emit(node, into: &program)
    program.append(.save(1))
    program.append(.match)
    instructions = program
    slotCount = 2 * (groups + 1)
  }

  /// Appends the instructions of `node`.
  private static func emit(_ node: RegexNode, into program: inout [RegexInstruction])
    throws(RegexParser.Failure)
  {
    guard program.count <= maximumSize else {
      throw RegexParser.Failure(
        description: "the pattern is too large (more than \(maximumSize) steps once expanded)")
    }
    switch node {
    case .empty: break
    case .set(let set): program.append(.consume(set))
    case .assertion(let assertion): program.append(.assert(assertion))
    case .group(let inner, let capture):
      if let capture { program.append(.save(2 * capture)) }
      try emit(inner, into: &program)
      if let capture { program.append(.save(2 * capture + 1)) }
    case .concatenation(let parts):
      for part in parts { try emit(part, into: &program) }
    case .alternation(let branches):
      var jumps: [Int] = []
      for (index, branch) in branches.enumerated() {
        if index < branches.count - 1 {
          let split = program.count
          program.append(.split(split + 1, -1))
          try emit(branch, into: &program)
          jumps.append(program.count)
          program.append(.jump(-1))
          program[split] = .split(split + 1, program.count)
        } else {
          try emit(branch, into: &program)
        }
      }
      for jump in jumps { program[jump] = .jump(program.count) }
    case .repetition(let inner, let minimum, let maximum, let greedy):
      for _ in 0..<minimum { try emit(inner, into: &program) }
      if let maximum {
        // Each optional copy: split(take, skip); the skips all land after the last copy.
        var splits: [Int] = []
        for _ in minimum..<maximum {
          splits.append(program.count)
          program.append(.split(-1, -1))
          try emit(inner, into: &program)
        }
        for split in splits {
          program[split] = branch(take: split + 1, skip: program.count, greedy: greedy)
        }
      } else {
        let loop = program.count
        program.append(.split(-1, -1))
        try emit(inner, into: &program)
        program.append(.jump(loop))
        program[loop] = branch(take: loop + 1, skip: program.count, greedy: greedy)
      }
    }
  }

  /// The split preferring `take` (greedy) or `skip` (lazy).
  private static func branch(take: Int, skip: Int, greedy: Bool) -> RegexInstruction {
    greedy ? .split(take, skip) : .split(skip, take)
  }

  /// The capture slots of the leftmost-first match in `text`, or `nil`; slot pairs hold
  /// scalar offsets (-1 when the group did not take part).
  ///
  /// Checks the ``WorkBudget`` in force every few thousand characters and gives up
  /// (`nil`) once it is stopped.
  func firstMatch(in text: [Unicode.Scalar]) -> [Int]? {
    let budget = WorkBudget.current
    var current = ThreadList(capacity: instructions.count)
    var next = ThreadList(capacity: instructions.count)
    var matched: [Int]?
    let empty = [Int](repeating: -1, count: slotCount)
    for position in 0...text.count {
      if position & 0xFFF == 0xFFF, budget?.isStopped == true { return nil }
      if matched == nil {
        add(0, slots: empty, at: position, text: text, to: &current)
      }
      if matched != nil, current.isEmpty { break }
      next.clear()
      for thread in current.threads {
        switch instructions[thread.pc] {
        case .consume(let set):
          if position < text.count, set.contains(text[position]) {
            add(thread.pc + 1, slots: thread.slots, at: position + 1, text: text, to: &next)
          }
        case .match:
          matched = thread.slots
        default:
          break
        }
        if case .match = instructions[thread.pc] { break }
      }
      swap(&current, &next)
    }
    return matched
  }

  /// Adds the thread at `pc` and everything it reaches without consuming, in priority order.
  private func add(
    _ pc: Int, slots: [Int], at position: Int, text: [Unicode.Scalar], to list: inout ThreadList
  ) {
    var stack: [(pc: Int, slots: [Int])] = [(pc, slots)]
    while let (pc, slots) = stack.popLast() {
      guard list.mark(pc) else { continue }
      switch instructions[pc] {
      case .jump(let target):
        stack.append((target, slots))
      case .split(let preferred, let other):
        stack.append((other, slots))
        stack.append((preferred, slots))
      case .save(let slot):
        var saved = slots
        saved[slot] = position
        stack.append((pc + 1, saved))
      case .assert(let assertion):
        if assertion.holds(at: position, in: text) { stack.append((pc + 1, slots)) }
      case .consume, .match:
        list.threads.append(Thread(pc: pc, slots: slots))
      }
    }
  }

  /// A thread: where it is in the program and what it captured so far.
  private struct Thread {
    var pc: Int
    var slots: [Int]
  }

  /// The threads of one step in priority order, each instruction at most once.
  private struct ThreadList {
    var threads: [Thread] = []
    private var seen: [Int]
    private var generation = 1

    init(capacity: Int) {
      seen = [Int](repeating: 0, count: capacity)
    }

    var isEmpty: Bool { threads.isEmpty }

    /// Marks `pc` as reached in this step; false if it already was.
    mutating func mark(_ pc: Int) -> Bool {
      if seen[pc] == generation { return false }
      seen[pc] = generation
      return true
    }

    /// Empties the list for the next step.
    mutating func clear() {
      threads.removeAll(keepingCapacity: true)
      generation += 1
    }
  }
}
