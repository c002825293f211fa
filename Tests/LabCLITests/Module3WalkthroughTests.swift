import Foundation
import LabCore
import Testing

/// Module 3 as a learner goes through it, on the repository's own course: `start`, the site
/// journey of lesson 2, then each exercise in order, until `status` shows all eleven passed.
@Suite(.serialized) struct Module3WalkthroughTests {
  static let email = "alex.doe@example.com"
  static let phone = "+32470123456"
  static let female = "API - All Female Customers"

  /// Writes the committed solution of `exercise` over its answer files.
  static func solve(_ course: CourseSandbox, _ exercise: String) throws {
    let folder = "Exercises/module3/\(exercise)"
    let files = try FileManager.default.contentsOfDirectory(
      atPath: course.url("\(folder)/solution").path)
    for file in files {
      try course.write("\(folder)/\(file)", try course.text("\(folder)/solution/\(file)"))
    }
  }

  /// Runs `arguments` and requires it to succeed.
  static func ok(_ course: CourseSandbox, _ arguments: [String]) async throws -> String {
    let result = await course.run(arguments)
    try #require(result.code == 0, "\(arguments): \(result.output)\(result.error)")
    return result.output
  }

  @Test func aLearnerGoesFromStartToTheSummaryAndPassesAllElevenExercises() async throws {
    let course = try CourseSandbox.repositoryCourse()
    defer { course.remove() }
    let start = try await Self.ok(course, ["start", "module3"])
    #expect(start.contains("Lesson 1"))

    // Lesson 2: anonymous browsing, registration, the app on a second device.
    _ = try await Self.ok(course, ["site", "open"])
    _ = try await Self.ok(course, ["site", "view", "Montana Wind Jacket"])
    _ = try await Self.ok(course, ["site", "view", "LM-JJ"])
    _ = try await Self.ok(
      course,
      [
        "site", "register", "--email", Self.email, "--phone", Self.phone, "--first-name", "Alex",
        "--last-name", "Doe", "--gender", "female",
      ])
    _ = try await Self.ok(course, ["site", "app", "login", "--email", Self.email])
    _ = try await Self.ok(course, ["site", "app", "view", "Cassia Funnel Sweatshirt"])
    try Self.solve(course, "exercise-1")
    _ = try await Self.ok(course, ["check", "exercise-1"])

    // Exercise 2: the identities as the profile shows them (the ECIDs are the learner's own).
    let profile = try JSONParser.parse(
      try await Self.ok(
        course, ["profile", "get", "--ns", "Email", "--id", Self.email, "--format", "json"]))
    let entity = try #require(profile.objectValue?.values.first?["entity"])
    var identities: [JSONValue] = []
    for (namespace, entries) in entity["identityMap"]?.objectValue ?? [:] {
      for entry in entries.arrayValue ?? [] {
        identities.append(["namespace": .string(namespace), "id": entry["id"] ?? .null])
      }
    }
    #expect(identities.count == 4)
    let solution2 = try JSONParser.parse(
      try course.text("Exercises/module3/exercise-2/solution/identities.json"))
    try course.write(
      "Exercises/module3/exercise-2/identities.json",
      JSONValue.object([
        "identities": .array(identities), "primaryIdentity": solution2["primaryIdentity"] ?? .null,
      ]).serialized(pretty: true))
    _ = try await Self.ok(course, ["check", "exercise-2"])

    // Exercises 3 to 7: answers about the demo data and requests, as the solutions write them.
    for exercise in ["exercise-3", "exercise-4", "exercise-5", "exercise-6", "exercise-7"] {
      try Self.solve(course, exercise)
      _ = try await Self.ok(course, ["check", exercise])
    }

    // Exercise 8: the segment created and run in the learner's own sandbox.
    _ = try await Self.ok(
      course,
      ["segment", "create", "--name", Self.female, "--pql", #"person.gender in ["female"]"#])
    _ = try await Self.ok(course, ["segment", "run", Self.female])
    try Self.solve(course, "exercise-8")
    _ = try await Self.ok(course, ["check", "exercise-8"])
    try Self.solve(course, "exercise-9")
    _ = try await Self.ok(course, ["check", "exercise-9"])

    // Exercise 10: the call center, answered from what the agent's screen shows.
    _ = try await Self.ok(course, ["site", "callcenter", "lookup", "--phone", Self.phone])
    _ = try await Self.ok(
      course, ["site", "callcenter", "log", "--topic", "Order status", "--feeling", "positive"])
    let agent = try JSONParser.parse(
      try await Self.ok(
        course, ["site", "callcenter", "lookup", "--phone", Self.phone, "--format", "json"]))
    let lastViewed = agent[path: ["lastProductViewed", "name"]]
    #expect(lastViewed == "Cassia Funnel Sweatshirt")
    let segments = agent["segments"]?.arrayValue ?? []
    #expect(segments.contains { $0.serialized().contains(Self.female) })
    try course.write(
      "Exercises/module3/exercise-10/answers.json",
      JSONValue.object([
        "phone": .string(Self.phone), "lastProductViewed": lastViewed ?? .null,
        "loyaltyLevel": "none",
        "segments": .array(segments.map { $0["name"] ?? $0 }), "callsLogged": 1,
      ]).serialized(pretty: true))
    _ = try await Self.ok(course, ["check", "exercise-10"])

    try Self.solve(course, "exercise-11")
    _ = try await Self.ok(course, ["check", "exercise-11"])

    let status = try JSONParser.parse(
      try await Self.ok(course, ["status", "--format", "json"]))
    let exercises = status["exercises"]?.arrayValue ?? []
    #expect(exercises.count == 11)
    #expect(exercises.allSatisfy { $0["status"] == "passed" }, "\(status.serialized())")
  }

  @Test func eachStarterFailsWithAFindingThatSaysWhereAndWhatToDo() async throws {
    let course = try CourseSandbox.repositoryCourse()
    defer { course.remove() }
    _ = try await Self.ok(course, ["start", "module3"])
    for number in 1...11 {
      let result = await course.run(["check", "exercise-\(number)", "--format", "json"])
      #expect(result.code == 1, "exercise-\(number): \(result.output)\(result.error)")
      let report = try JSONParser.parse(result.output)
      let findings = report["findings"]?.arrayValue ?? []
      #expect(!findings.isEmpty, "exercise-\(number)")
      let first = findings.first ?? .null
      let message = first["message"]?.stringValue ?? ""
      #expect(message.count > 20, "exercise-\(number): \(message)")
      #expect(
        first["location"]?.stringValue?.contains("exercise-\(number)") == true
          || first["fix"]?.stringValue?.isEmpty == false,
        "exercise-\(number): \(first.serialized())")
    }
  }
}
