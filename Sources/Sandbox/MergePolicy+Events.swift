import Profiles

extension MergePolicy {
  /// Whether events of the dataset `datasetID` count in its profiles: all datasets, or only
  /// the listed ones under dataSetPrecedence.
  func includesEvents(ofDataset datasetID: String) -> Bool {
    guard let order = attributeMerge.order else { return true }
    return order.contains(datasetID)
  }
}
