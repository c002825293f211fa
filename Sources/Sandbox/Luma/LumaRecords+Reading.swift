import LabCore

extension LumaRecords {
  /// What an experience event is about, in a word: the product viewed, the call's topic or the
  /// page's name; empty for an event about none (a login).
  public static func detail(of event: JSONValue) -> String {
    event["productListItems"]?.arrayValue?.first?["name"]?.stringValue
      ?? event[path: [
        LumaDatasets.tenant, "interactionDetails", "core", "callCenterAgent", "callTopic",
      ]]?
      .stringValue
      ?? event[path: ["web", "webPageDetails", "name"]]?.stringValue ?? ""
  }

  /// The channel an event came through (`web`, `mobile`, `callcenter`), or empty.
  public static func channel(of event: JSONValue) -> String {
    event[path: [LumaDatasets.tenant, "interactionDetails", "core", "channel"]]?.stringValue ?? ""
  }
}
