/// The version of aep-lab, shown by `--version` and `doctor`.
public enum LabVersion {
  /// The current release.
  public static let current = "0.1.0"
}
