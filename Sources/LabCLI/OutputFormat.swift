import ArgumentParser

/// How a data command prints its result.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Readable text for people.
  case text
  /// One JSON document, for scripts and instructors.
  case json
}

/// The `--format` option shared by every data command.
public struct FormatOptions: ParsableArguments {
  /// The chosen format.
  @Option(name: .long, help: "Output format: 'text' or 'json'.")
  public var format: OutputFormat = .text

  /// Creates the option group with its default.
  public init() {}
}
