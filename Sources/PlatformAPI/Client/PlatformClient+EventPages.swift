import LabCore

extension PlatformClient {
  /// The most pages ``getAllEvents(namespace:id:limit:order:start:)`` follows.
  public static let maximumEventPages = 10_000

  /// Every experience event of one profile: the first page from
  /// ``getEvents(namespace:id:limit:order:start:)``, then each `_links.next.href` until it is
  /// empty, merged into one response.
  ///
  /// The result has the first page's fields, all `children` in order, `_page.count` set to
  /// their number, and `_page.next` and `_links.next.href` empty. Throws
  /// ``PlatformAPIError/unexpectedResponse(_:)`` when a page is not a JSON object or a next
  /// link repeats.
  public func getAllEvents(
    namespace: String, id: String, limit: Int? = nil, order: String? = nil,
    start: String? = nil
  ) async throws(PlatformAPIError) -> (response: JSONValue, pages: Int) {
    var page = try await getEvents(
      namespace: namespace, id: id, limit: limit, order: order, start: start
    ).json()
    guard case .object(var merged) = page else {
      throw .unexpectedResponse("the events response is not a JSON object.")
    }
    var children = page["children"]?.arrayValue ?? []
    var seen: Set<String> = []
    var pages = 1
    while let next = page[path: ["_links", "next", "href"]]?.stringValue, !next.isEmpty {
      guard seen.insert(next).inserted, pages < Self.maximumEventPages else {
        throw .unexpectedResponse("the next link '\(next)' repeats, so paging stopped.")
      }
      page = try await getEventsPage(href: next).json()
      children += page["children"]?.arrayValue ?? []
      pages += 1
    }
    merged["children"] = .array(children)
    if case .object(var info) = merged["_page"] ?? .null {
      info["count"] = .number(Double(children.count))
      info["next"] = .string("")
      merged["_page"] = .object(info)
    }
    merged["_links"] = ["next": ["href": ""]]
    return (.object(merged), pages)
  }
}
