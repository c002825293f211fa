/// Where a site action finds the visit it continues and keeps the visit it leaves.
///
/// The CLI's `aep-lab site` keeps one visit in the workspace (`stored`); a browser keeps its
/// own in cookies, so each window is its own visitor (`given`), and the action's result carries
/// the visit for the caller to keep.
public enum SiteVisitSource: Sendable, Hashable {
  /// The visit kept in the workspace's state, read before and saved after the action.
  case stored
  /// A visit the caller keeps; nothing is saved.
  case given(SiteVisit)
}
