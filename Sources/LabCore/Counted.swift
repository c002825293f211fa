/// A count with its noun in the right number: `counted(1, "event")` is "1 event",
/// `counted(8, "event")` "8 events", `counted(2, "identity", "identities")` "2 identities".
public func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
  "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
