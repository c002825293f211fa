import ArgumentParser

/// The `aep-lab` command: a training sandbox for Adobe Experience Platform's Real-time Customer
/// Profile.
///
/// Each group of subcommands is declared in its own `AEPLab+<Group>.swift` file, so adding a
/// command touches one list.
public struct AEPLab: AsyncParsableCommand {
  /// The root command's help, version and grouped subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "aep-lab",
    abstract: "Learn Adobe Experience Platform's Real-time Customer Profile, offline.",
    discussion: """
      Start with 'aep-lab start module3'. Lessons walk you through the module while demo \
      datasets load into a local identity graph, profile store and segmentation service.
      """,
    version: LabVersion.current,
    groupedSubcommands: commandGroups
  )

  /// Creates the root command (it only dispatches to subcommands).
  public init() {}

  /// The help sections, in the order learners meet them; empty groups are left out.
  static var commandGroups: [CommandGroup] {
    let groups: [(String, [any ParsableCommand.Type])] = [
      ("Learn", learnCommands),
      ("Sandbox", sandboxCommands),
      ("Segments", segmentCommands),
      ("Platform", platformCommands),
      ("Author", authorCommands),
      ("Help", helpCommands),
    ]
    return groups.filter { !$0.1.isEmpty }.map { CommandGroup(name: $0.0, subcommands: $0.1) }
  }
}
