import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles

/// The call center of module 3: the agent looks the caller up by phone and logs the call.
extension Sandbox {
  /// Looks a customer up by any identity (the call center uses the phone number) and returns
  /// what the agent sees; the agent keeps the customer on screen for ``callCenterLog``.
  public func callCenterLookup(
    namespace: String = "Phone", id: String, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> CallCenterView {
    let lookup = try profile(namespace: namespace, id: id)
    let events = try events(namespace: namespace, id: id, selection: .init(newestFirst: true))
    let entity = lookup.profile.entity
    let first = entity[path: ["person", "name", "firstName"]]?.stringValue ?? ""
    let last = entity[path: ["person", "name", "lastName"]]?.stringValue ?? ""
    let tenant = LumaDatasets.tenant
    let phone =
      namespace.lowercased() == "phone"
      ? id : entity[path: ["mobilePhone", "number"]]?.stringValue ?? id
    var visit = try siteVisit(from: source)
    visit.callCenterPhone = phone
    _ = try keep(visit, for: source)
    let definitions = (try? segmentDefinitions()) ?? []
    var segments: [CallCenterView.Membership] = []
    if case .object(let memberships)? = entity[path: ["segmentMembership", "ups"]] {
      for (segmentID, membership) in memberships.sorted(by: { $0.key < $1.key }) {
        let name = definitions.first { $0.id == segmentID }?.name ?? segmentID
        segments.append(
          .init(
            segmentID: segmentID, name: name,
            status: membership["status"]?.stringValue ?? "realized"))
      }
    }
    let recent = events.response.children.map { child in
      let event = child.entity
      let type = event["eventType"]?.stringValue ?? ""
      let channel = LumaRecords.channel(of: event)
      let detail = LumaRecords.detail(of: event)
      return CallCenterView.RecentEvent(
        time: event["timestamp"]?.stringValue ?? "", eventType: type, channel: channel,
        detail: detail)
    }
    let lastView = recent.first { $0.eventType == "commerce.productViews" }
    return CallCenterView(
      lookup: lookup, name: [first, last].filter { !$0.isEmpty }.joined(separator: " "),
      phone: phone,
      loyaltyLevel: entity[path: [tenant, "loyaltyDetails", "level"]]?.stringValue,
      loyaltyPoints: entity[path: [tenant, "loyaltyDetails", "points"]]?.intValue,
      lastProductViewed: lastView.map { ($0.detail, $0.channel, $0.time) },
      segments: segments, recentEvents: Array(recent.prefix(10)),
      eventCount: events.response.children.count)
  }

  /// Logs a call with the customer on the agent's screen: a call-center interaction event keyed
  /// by their phone number, with the topic and the customer's feeling.
  @discardableResult
  public func callCenterLog(
    topic: String, feeling: String, from source: SiteVisitSource = .stored
  ) throws(SandboxError) -> SiteActionResult {
    let visit = try siteVisit(from: source)
    guard let phone = visit.callCenterPhone else {
      throw .invalidRequest(
        "No customer is on the agent's screen yet. Look one up first: 'aep-lab site callcenter "
          + "lookup --phone +32...'")
    }
    guard !topic.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .invalidRequest(
        "A call needs a topic, for example \(LumaRecords.callTopics.prefix(3).map { "'\($0)'" }.joined(separator: ", "))"
      )
    }
    let mood = feeling.lowercased()
    guard LumaRecords.callFeelings.contains(mood) else {
      throw .invalidRequest(
        "'\(feeling)' is not a feeling the agent can record. Use "
          + LumaRecords.callFeelings.map { "'\($0)'" }.joined(separator: ", "))
    }
    let id = "call-" + UUID().uuidString.lowercased()
    let record = LumaRecords.callCenterInteraction(
      id: id, timestamp: ISOTime.millisecondString(from: clock()), phone: phone, topic: topic,
      feeling: mood)
    let report = try ingest(
      [
        DatasetRecords(
          schema: LumaDatasets.callCenterEvents, lines: [record.serialized()],
          source: "call center")
      ], strict: true)
    if let refusal = report.batches.flatMap(\.rejections).first {
      throw .invalidRequest("The call center's record was refused: \(refusal.reason)")
    }
    return SiteActionResult(
      summary: "Logged a call about '\(topic)' (\(mood)) for \(phone)",
      sent: [.init(dataset: LumaDatasets.callCenterEvents.name, record: record)], visit: visit,
      openedVisit: false, profile: try? profile(namespace: "Phone", id: phone))
  }
}
