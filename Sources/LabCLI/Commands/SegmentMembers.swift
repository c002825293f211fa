import ArgumentParser
import Identities
import LabCore
import PlatformAPI
import Sandbox
import Segmentation

extension AEPLab {
  /// `aep-lab segment members`.
  struct SegmentMembers: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "members",
      abstract: "List a segment's members with their identities and status.",
      discussion: """
        Members are 'realized' or 'existing'; profiles that left are listed as 'exited'. \
        --format json prints {"segmentId", "members": [{entityId, identities, status, \
        lastQualificationTime}]}.

        Example: aep-lab segment members 'Female customers'
        """)

    @Argument(help: "The segment's id or name.")
    var segment: String

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let console = Console.current
      let sandbox = try workspace.resolve().openSandbox()
      let definition = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentDefinition(segment)
      }
      let members = try segmentCall { () throws(SandboxError) in
        try sandbox.segmentMembers(segment)
      }
      if output.format == .json {
        let body: JSONValue = [
          "segmentId": .string(definition.id ?? ""),
          "members": .array(
            members.map { member in
              [
                "entityId": .string(member.entityId),
                "identities": .array(
                  member.identities.map {
                    ["namespace": ["code": .string($0.namespace)], "id": .string($0.id)]
                  }),
                "status": .string(member.membership.status.rawValue),
                "lastQualificationTime": member.membership.json["lastQualificationTime"] ?? .null,
              ]
            }),
        ]
        console.line(body.serialized(pretty: true))
        return
      }
      guard !members.isEmpty else {
        if definition.evaluationInfo?.continuous?.enabled == true {
          console.line(
            "'\(definition.name)' has no members yet. It is evaluated in streaming: a profile "
              + "joins as soon as a record that qualifies it arrives (try 'aep-lab site ...'), or "
              + "when a job runs: 'aep-lab segment run \(definition.id ?? segment)'.")
        } else {
          console.line(
            "'\(definition.name)' has no members yet. Batch segments get members when a job "
              + "runs: 'aep-lab segment run \(definition.id ?? segment)'.")
        }
        return
      }
      var table = TextTable(headers: ["STATUS", "SINCE", "PRIMARY IDENTITY", "IDENTITIES"])
      for member in members {
        table.append([
          member.membership.status.rawValue,
          member.membership.json["lastQualificationTime"]?.stringValue ?? "",
          "\(member.primaryIdentity.namespace) \(member.primaryIdentity.id)",
          String(member.identities.count),
        ])
      }
      console.write(table.rendered(console: console))
    }
  }
}
