import Curriculum
import Foundation
import LabCore
import PlatformAPI

/// The requests of exercise 9 as the check's server sees them: create the dataset, start the
/// export into it, poll the job.
struct ExportRun: Sendable {
  /// The dataset body as written.
  var datasetBody: [UInt8]
  /// The export-job body as written, with its variables.
  var jobText: String
  /// The id `{{SEGMENT_ID}}` stands for.
  var segmentID: String
  /// Where the two files are, for findings.
  var locations: (dataset: String, job: String)

  /// The job's id, or the finding that says which request failed and why.
  func run(on server: CheckServer) async -> (jobID: String, finding: Finding?) {
    let client = server.client
    let datasetID: String
    do {
      let reply = try await client.send(
        "POST", "/data/foundation/catalog/dataSets", body: datasetBody)
      let reference = (try? reply.json())?.arrayValue?.first?.stringValue ?? ""
      datasetID = String(reference.split(separator: "/").last ?? "")
    } catch {
      return ("", refused(error, location: locations.dataset))
    }
    let body = ["SEGMENT_ID": segmentID, "DATASET_ID": datasetID].reduce(jobText) {
      text, variable in
      text.replacingOccurrences(of: "{{\(variable.key)}}", with: variable.value)
        .replacingOccurrences(of: "{{ \(variable.key) }}", with: variable.value)
    }
    do {
      let created = try await client.send(
        "POST", "/data/core/ups/export/jobs", body: Array(body.utf8)
      ).json()
      let id = created["id"].map { $0.stringValue ?? $0.serialized() } ?? ""
      for _ in 0..<100 {
        let job = try await client.send("GET", "/data/core/ups/export/jobs/\(id)").json()
        switch job["status"]?.stringValue {
        case "SUCCEEDED":
          return (id, nil)
        case "FAILED":
          return (
            id,
            Finding(
              message: "The export job \(id) FAILED: \(job.serialized().prefix(200))",
              location: locations.job)
          )
        default:
          try? await Task.sleep(for: .milliseconds(20))
        }
      }
      return (id, Finding(message: "The export job \(id) did not finish.", location: locations.job))
    } catch {
      return ("", refused(error, location: locations.job))
    }
  }

  /// The finding for a request the server refused.
  func refused(_ error: PlatformAPIError, location: String) -> Finding {
    Finding(
      message: "The server refused this body: \(error.errorDescription ?? "\(error)")",
      location: location,
      fix: "Its message names the field; lesson 6 shows both bodies under 'Steps 4 and 5'.")
  }
}
