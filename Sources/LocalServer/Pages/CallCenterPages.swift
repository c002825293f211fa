import Foundation
import Hummingbird
import LabCore
import PlatformAPI
import Sandbox

/// The call center (`/callcenter/`): the agent looks a customer up by phone (or any
/// identity), sees the real-time profile, and logs the call, through the Sandbox's call-center
/// service as `aep-lab site callcenter` does.
struct CallCenterPages: Sendable {
  /// The sandbox.
  let sandbox: Sandbox
  /// The templates.
  let renderer: PageRenderer

  /// Adds the routes to `router`.
  func add(to router: Router<BasicRequestContext>) {
    router.get("/callcenter/") { request, _ in
      let query = request.uri.queryParameters
      return await lookup(
        namespace: query.get("ns") ?? "Phone", id: query.get("id") ?? "",
        logged: query.get("logged"))
    }
    router.post("/callcenter/log") { request, _ in
      let form = try await FormData.read(request)
      let phone = form["phone"]
      let result = await BlockingWork.run { [sandbox] () -> Result<String, SandboxError> in
        Result { () throws(SandboxError) in
          try sandbox.callCenterLog(
            topic: form["topic"], feeling: form["feeling"],
            from: .given(SiteVisit(callCenterPhone: phone))
          ).summary
        }
      }
      switch result {
      case .success(let summary):
        let query = QueryString.encode([("ns", "Phone"), ("id", phone), ("logged", summary)])
        return PageRenderer.redirect(to: "/callcenter/?\(query)")
      case .failure(let error):
        return await lookup(namespace: "Phone", id: phone, error: error.localizedDescription)
      }
    }
  }

  /// The search form, and the agent's view when `id` is given.
  func lookup(namespace: String, id: String, logged: String? = nil, error: String? = nil) async
    -> Response
  {
    let value = id.trimmingCharacters(in: .whitespaces)
    var context: [String: Any] = [
      "title": "Call center", "section": "callcenter", "id": value,
      "namespaces": ["Phone", "Email", "ECID", "CRMID", "loyaltyId"].map {
        ["value": $0, "selected": $0.lowercased() == namespace.lowercased()]
      },
    ]
    if let error { context["error"] = error }
    guard !value.isEmpty else { return renderer.response("callcenter", context) }
    let found = await BlockingWork.run { [sandbox] () -> Result<CallCenterView, SandboxError> in
      Result { () throws(SandboxError) in
        try sandbox.callCenterLookup(namespace: namespace, id: value, from: .given(SiteVisit()))
      }
    }
    switch found {
    case .failure(let failure):
      context["error"] = failure.localizedDescription
      return renderer.response("callcenter", context, status: .notFound)
    case .success(let view):
      var agent: [String: Any] = [
        "name": view.name.isEmpty ? "(no name)" : view.name, "phone": view.phone,
        "loyalty": view.loyaltyLevel.map { level in
          "\(level)" + (view.loyaltyPoints.map { ", \($0) points" } ?? "")
        } ?? "not a member",
        "lastProduct": view.lastProductViewed.map { "\($0.name) (\($0.channel), \($0.time))" }
          ?? "none",
        "segments": view.segments.isEmpty
          ? "none" : view.segments.map { "\($0.name) (\($0.status))" }.joined(separator: ", "),
        "eventCount": view.eventCount,
        "recent": view.recentEvents.map {
          ["time": $0.time, "eventType": $0.eventType, "channel": $0.channel, "detail": $0.detail]
        },
        "topics": LumaRecords.callTopics, "feelings": LumaRecords.callFeelings,
      ]
      if let logged { agent["logged"] = logged }
      context["agent"] = agent
      return renderer.response("callcenter", context)
    }
  }
}
