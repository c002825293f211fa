import ArgumentParser
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

extension AEPLab {
  /// `aep-lab profile events`: a profile's experience events.
  struct ProfileEvents: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "events",
      abstract: "List the experience events of an identity's profile (its whole graph).",
      discussion: """
        --format json prints exactly the Platform's events response (_page, children, _links).

        Example: aep-lab profile events --ns email --id lucas.moreau@example.com --order -timestamp
        """)

    @OptionGroup var identity: IdentityOptions

    @Option(name: .long, help: "At most this many events (default 1000).")
    var limit = 1000

    @Option(
      name: .long, parsing: .unconditional,
      help: "'+timestamp' (oldest first, default) or '-timestamp' (newest first).")
    var order = "+timestamp"

    @Option(name: .long, help: "Only events at or after this time (ISO 8601 or epoch ms).")
    var startTime: String?

    @Option(name: .long, help: "Only events before this time (ISO 8601 or epoch ms).")
    var endTime: String?

    @Option(name: .long, help: "A merge policy id or name.")
    var mergePolicy: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      guard ["+timestamp", "timestamp", "-timestamp"].contains(order) else {
        throw ValidationError("--order must be '+timestamp' or '-timestamp', not '\(order)'.")
      }
      guard limit >= 1 else { throw ValidationError("--limit must be 1 or more.") }
    }

    static func millis(_ text: String?, option: String) throws -> Int64? {
      guard let text else { return nil }
      if let number = Int64(text) { return number }
      let formatter = ISO8601DateFormatter()
      if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
      throw ValidationError("\(option) '\(text)' is not epoch milliseconds or an ISO 8601 time.")
    }

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let selection = EventSelection(
        newestFirst: order == "-timestamp",
        startTime: try Self.millis(startTime, option: "--start-time"),
        endTime: try Self.millis(endTime, option: "--end-time"), limit: limit)
      let lookup = try sandboxCall { () throws(SandboxError) in
        try sandbox.events(
          namespace: identity.namespace, id: identity.id, mergePolicy: mergePolicy,
          selection: selection)
      }
      if output.format == .json {
        console.line(WireJSON.render(lookup.response))
        return
      }
      var table = TextTable(headers: ["TIME", "EVENT TYPE", "IDENTITY", "DETAIL", "ID"])
      for child in lookup.response.children {
        let time = Date(timeIntervalSince1970: Double(child.timestamp) / 1000)
        let identity = lookup.identities[child.entityId].map { "\($0.namespace) \($0.id)" } ?? ""
        table.append([
          ISO8601DateFormatter().string(from: time), child.entity["eventType"]?.stringValue ?? "",
          identity, Self.detail(child.entity), child.entityId,
        ])
      }
      console.write(table.rendered(console: console))
      console.line(
        counted(lookup.response.page.count, "event")
          + (lookup.response.page.next.isEmpty
            ? "." : "; more after '\(lookup.response.page.next)' (raise --limit)."))
    }

    static func detail(_ event: JSONValue) -> String {
      if let items = event["productListItems"]?.arrayValue,
        let name = items.first?["name"]?.stringValue
      {
        return name
      }
      if let page = event[path: ["web", "webPageDetails", "name"]]?.stringValue { return page }
      return ""
    }
  }
}
