import ArgumentParser
import LabCore
import PlatformAPI

extension AEPLab {
  /// `aep-lab api get-events`: the experience events of one profile.
  struct APIGetEvents: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "get-events",
      abstract: "List a profile's experience events (UPS - GET Profile & EE by Entity ID & NS).",
      discussion: """
        Any identity of the person works. Shows one page; the next one is named by \
        '_links.next.href' in the JSON. '--start ID' asks for the page starting at the event \
        'ID' (a page's '_page.next'); '--all' follows every next link and prints all events as \
        one list (with '--format json', one merged response).

        Examples: aep-lab api get-events --target local --ns email --id lucas.moreau@example.com --order -timestamp
                  aep-lab api get-events --target local --ns phone --id +32473622044 --limit 5 --all
        """)

    @Option(name: .customLong("ns"), help: "The namespace code of the related profile identity.")
    var namespace: String

    @Option(name: .long, help: "The identity value.")
    var id: String

    @Option(name: .long, help: "The most events to return (the Platform's default is 1000).")
    var limit: Int?

    @Option(
      name: .long, parsing: .unconditional,
      help: "'+timestamp' (oldest first) or '-timestamp' (newest first).")
    var order: String?

    @Option(name: .long, help: "Start the page at this event id (a page's '_page.next').")
    var start: String?

    @Flag(name: .long, help: "Follow every next link and print all the events.")
    var all = false

    @OptionGroup var platform: PlatformOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
      if let order, !["+timestamp", "-timestamp", "timestamp"].contains(order) {
        throw ValidationError("'--order' must be '+timestamp' or '-timestamp', not '\(order)'.")
      }
      if let limit, limit < 1 { throw ValidationError("'--limit' must be at least 1.") }
    }

    func run() async throws {
      let console = Console.current
      let client = try platform.makeClient(environment: LabEnvironment.current)
      let body: JSONValue
      if all {
        let merged = try await platformCall { () async throws(PlatformAPIError) in
          try await client.getAllEvents(
            namespace: namespace, id: id, limit: limit, order: order, start: start)
        }
        if output.format == .json { return console.line(merged.response.serialized()) }
        body = merged.response
      } else {
        let reply = try await platformCall { () async throws(PlatformAPIError) in
          try await client.getEvents(
            namespace: namespace, id: id, limit: limit, order: order, start: start)
        }
        if output.format == .json { return ReplyPrinter.printBody(reply) }
        body = try platformDecode { () throws(PlatformAPIError) in try reply.json() }
      }
      let children = body["children"]?.arrayValue ?? []
      var table = TextTable(headers: ["timestamp", "eventType", "event id", "profile entity"])
      for child in children {
        table.append([
          ReplyPrinter.time(child["timestamp"]),
          ReplyPrinter.text(child[path: ["entity", "eventType"]]),
          ReplyPrinter.text(child["entityId"]), ReplyPrinter.text(child["relatedEntityId"]),
        ])
      }
      console.line("\(children.count) event(s) for '\(namespace)/\(id)'.")
      if !children.isEmpty { console.write(table.rendered(console: console)) }
      if let next = body[path: ["_links", "next", "href"]]?.stringValue, !next.isEmpty {
        console.line("More events: GET /data/core/ups/access\(next)")
        if let nextID = body[path: ["_page", "next"]]?.stringValue, !nextID.isEmpty {
          console.line(
            "Run the same command with '--start \(nextID)' for the next page, or '--all' for "
              + "every page.")
        }
      }
    }
  }
}
