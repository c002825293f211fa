import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox
import Segmentation

/// One thing a learner does in an exercise, written in an exercise's checker parameters
/// (`setup`) so that `aep-lab dev check` can replay it before judging the solution.
///
/// For example: `{"site": "open", "ecid": "1234"}`, `{"site": "view", "product": "Montana Wind
/// Jacket"}`, `{"site": "register", "email": "...", "phone": "...", "firstName": "...",
/// "lastName": "...", "gender": "female"}`, `{"site": "login", "email": "..."}`,
/// `{"site": "appLogin", "email": "...", "ecid": "5678"}`, `{"site": "appView", "product": ...}`,
/// `{"callcenter": "lookup", "phone": "..."}`, `{"callcenter": "log", "topic": "...",
/// "feeling": "positive"}`, `{"segment": "create", "name": "...", "pql": "...",
/// "evaluation": "batch"}`, `{"segment": "run", "name": "..."}`.
public struct WorkStep: Sendable, Decodable {
  /// The step as written.
  public var fields: [String: String]

  /// Decodes a step: an object of strings.
  public init(from decoder: any Decoder) throws {
    fields = try decoder.singleValueContainer().decode([String: String].self)
  }

  /// Does the step on `sandbox`.
  public func replay(on sandbox: Sandbox) throws(SandboxError) {
    func field(_ name: String) throws(SandboxError) -> String {
      guard let value = fields[name] else {
        throw .invalidRequest("The setup step \(fields) needs '\(name)'")
      }
      return value
    }
    switch (fields["site"], fields["callcenter"], fields["segment"]) {
    case ("open"?, _, _):
      try sandbox.siteOpen(ecid: fields["ecid"])
    case ("view"?, _, _):
      try sandbox.siteView(product: try field("product"), on: .web)
    case ("page"?, _, _):
      try sandbox.siteView(page: try field("page"))
    case ("register"?, _, _):
      try sandbox.siteRegister(
        SiteRegistration(
          email: try field("email"), phone: try field("phone"), firstName: try field("firstName"),
          lastName: try field("lastName"), gender: fields["gender"]))
    case ("login"?, _, _):
      try sandbox.siteLogin(email: try field("email"), on: .web)
    case ("appLogin"?, _, _):
      try sandbox.siteLogin(email: try field("email"), on: .app, newECID: fields["ecid"])
    case ("appView"?, _, _):
      try sandbox.siteView(product: try field("product"), on: .app)
    case (_, "lookup"?, _):
      _ = try sandbox.callCenterLookup(namespace: "Phone", id: try field("phone"))
    case (_, "log"?, _):
      try sandbox.callCenterLog(topic: try field("topic"), feeling: try field("feeling"))
    case (_, _, "create"?):
      let evaluation = fields["evaluation"] ?? "batch"
      try sandbox.createSegment(
        SegmentDefinition(
          name: try field("name"),
          expression: SegmentExpression(value: try field("pql")),
          evaluationInfo: EvaluationInfo(
            batch: evaluation == "batch", continuous: evaluation == "streaming",
            synchronous: evaluation == "edge")))
    case (_, _, "run"?):
      let name = try field("name")
      let segment = try sandbox.segmentDefinitions().first { $0.name == name }
      guard let id = segment?.id else {
        throw .invalidRequest("The setup step runs the segment '\(name)', which does not exist")
      }
      try sandbox.runSegmentJob(segmentIDs: [id])
    default:
      throw .invalidRequest("The setup step \(fields) is not one the checks know")
    }
  }
}
