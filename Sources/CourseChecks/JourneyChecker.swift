import Curriculum
import Foundation
import Identities
import LabCore
import Persistence
import PlatformAPI
import Profiles
import Sandbox

/// Judges exercise 1 on the learner's own sandbox: the profile of the email and phone they
/// registered with must hold two or more ECIDs, the email and the phone, and the product views
/// made anonymously before registering must be among its events.
///
/// Parameters: `{"file": "journey.json", "setup": [WorkStep...]}`. The answer file is
/// `{"email": "...", "phone": "..."}`.
public struct JourneyChecker: Checker {
  /// The kind in `exercise.json`.
  public static let kind = "journey"

  struct Parameters: Decodable {
    var file: String
    var setup: [WorkStep]
  }

  let parameters: Parameters

  /// Reads the parameters.
  public init(parameters: JSONValue, path: String) throws(CurriculumError) {
    self.parameters = try CheckerParameters.decode(
      Parameters.self, from: parameters, kind: Self.kind, path: path)
  }

  /// The answer file.
  public var answerFiles: [String] { [parameters.file] }

  /// Judges the learner's sandbox.
  public func check(_ submission: Submission, in context: CheckContext)
    async throws(CurriculumError) -> CheckReport
  {
    let id = submission.exercise.id
    let location = submission.location(of: parameters.file)
    let answer: JSONValue
    switch CheckerParameters.document(parameters.file, in: submission) {
    case .unreadable(let finding): return CheckReport(exerciseID: id, findings: [finding])
    case .parsed(let value): answer = value
    }
    let email = answer["email"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
    let phone = answer["phone"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
    guard !email.isEmpty, !phone.isEmpty else {
      return CheckReport(
        exerciseID: id,
        findings: [
          Finding(
            message: "Fill in the email and the phone number you registered with on the site.",
            expected: "\"email\" and \"phone\" filled in", found: "an empty value",
            location: location,
            fix: "Do the journey first ('aep-lab site open', two 'site view', 'site register', "
              + "'site app login'), then write the email and phone here.")
        ])
    }
    let learner = try context.require(LearnerSandboxKey.self, for: Self.kind)
    let findings: [Finding]
    do {
      let sandbox = try learner.open(parameters.setup)
      findings = try Self.judge(email: email, phone: phone, in: sandbox, location: location)
    } catch {
      return CheckReport(
        exerciseID: id,
        findings: [Finding(message: error.localizedDescription, location: location)])
    }
    return CheckReport(
      exerciseID: id, findings: findings,
      notes: findings.isEmpty
        ? ["Your anonymous browsing, your registration and your app login are one profile."] : [])
  }

  static func judge(email: String, phone: String, in sandbox: Sandbox, location: String)
    throws(SandboxError) -> [Finding]
  {
    let lookup: ProfileLookup
    do {
      lookup = try sandbox.profile(namespace: "Email", id: email)
    } catch .profileNotFound {
      return [
        Finding(
          message: "Your sandbox has no profile with the email '\(email)'.",
          expected: "a profile made by 'aep-lab site register --email \(email) ...'",
          found: "no such identity", location: location,
          fix: "Register on the site with this email (or correct the email in the file).")
      ]
    }
    let identities = lookup.profile.identities
    var findings: [Finding] = []
    let ecids = identities.filter { $0.namespace == "ECID" }
    if !identities.contains(Identity(namespace: "Phone", id: phone)) {
      let phones = identities.filter { $0.namespace == "Phone" }.map(\.id)
      findings.append(
        Finding(
          message: "The profile of '\(email)' does not hold the phone '\(phone)'.",
          expected: "the Phone identity '\(phone)'",
          found: phones.isEmpty ? "no phone" : phones.map { "'\($0)'" }.joined(separator: ", "),
          location: location, fix: "Write the phone exactly as you registered it."))
    }
    if ecids.count < 2 {
      findings.append(
        Finding(
          message: "The profile has \(ecids.count) ECID; a cross-device profile has two or more.",
          expected: "2 or more ECIDs (the browser's and the app's)", found: "\(ecids.count)",
          fix: "Log in on the app with the same email: 'aep-lab site app login --email \(email)'."
        ))
    }
    // The product views sent before the registration, under the browser's ECID.
    let events = try sandbox.events(namespace: "Email", id: email).response.children.map(\.entity)
    let registeredAt = events.first { $0["eventType"]?.stringValue == "web.login" }
      .flatMap { $0["timestamp"]?.stringValue }
    let anonymousViews = events.filter { event in
      guard event["eventType"]?.stringValue == "commerce.productViews",
        event["identityMap"]?["Email"] == nil,
        let time = event["timestamp"]?.stringValue, let registeredAt
      else { return false }
      return time < registeredAt
    }
    if anonymousViews.count < 2 {
      findings.append(
        Finding(
          message: "The profile has \(anonymousViews.count) product view(s) from before you "
            + "registered; the journey starts with two anonymous ones.",
          expected: "2 product views before the registration", found: "\(anonymousViews.count)",
          fix: "Open a new window ('aep-lab site open'), view two products, then register with "
            + "a new email."))
    }
    return findings
  }
}
