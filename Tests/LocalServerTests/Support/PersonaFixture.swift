import Foundation
import Identities
import Persistence
import Sandbox
import Testing

/// The tutorial's persona in a fresh sandbox: a registration (email with a '+', phone, ECID),
/// a CRM record and three web events, plus a second person with four linked identities.
enum PersonaFixture {
  static let email = "jane+doe@example.com"
  static let phone = "+15555550123"
  static let ecid = "12345678901234567890123456789012345678"
  static let crmID = "CRM-4711"
  static let crowdEmail = "crowd@example.com"

  /// A sandbox on an in-memory state with the persona ingested; graphs larger than
  /// `lookupIdentityLimit` answer 422.
  ///
  /// With `crowd`, 55 more registrations share the crowd's email, each with its own phone: a
  /// graph of 57 identities (graph FIFO removal is off so it can grow that large).
  static func sandbox(
    lookupIdentityLimit: Int = 50, crowd: Bool = false,
    clock: @escaping @Sendable () -> Date = { Date() }
  ) throws -> Sandbox {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aep-lab-persona-\(UUID().uuidString)")
    try write(folder, "01-registrations", schema: registrationSchema, records: registrations)
    try write(folder, "02-crm", schema: crmSchema, records: crm)
    try write(folder, "03-web", schema: eventSchema, records: events)
    if crowd {
      try write(folder, "04-crowd", schema: registrationSchema, records: crowdRegistrations)
    }
    let sandbox = Sandbox(
      database: try LabDatabase.inMemory(),
      guardrails: IdentityGuardrails(maxIdentitiesPerGraph: crowd ? nil : 50),
      lookupIdentityLimit: lookupIdentityLimit, clock: clock)
    _ = try sandbox.ingest(path: folder.path)
    return sandbox
  }

  private static func write(_ folder: URL, _ name: String, schema: String, records: [String])
    throws
  {
    let dataset = folder.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
    try Data(schema.utf8).write(to: dataset.appendingPathComponent("schema.json"))
    try Data((records.joined(separator: "\n") + "\n").utf8).write(
      to: dataset.appendingPathComponent("records.ndjson"))
  }

  static let registrationSchema = """
    {"name": "Registrations", "class": "profile", "identities": [
      {"path": "core.email", "namespace": "Email", "primary": true},
      {"path": "core.ecid", "namespace": "ECID"},
      {"path": "core.phone", "namespace": "Phone"}]}
    """
  static let crmSchema = """
    {"name": "CRM", "class": "profile", "identities": [
      {"path": "core.crmId", "namespace": "CRMID", "primary": true},
      {"path": "core.email", "namespace": "Email"}]}
    """
  static let eventSchema = """
    {"name": "Web events", "class": "experienceevent", "identities": [
      {"path": "core.ecid", "namespace": "ECID", "primary": true}]}
    """
  static let registrations = [
    #"{"person": {"name": {"firstName": "Jane", "lastName": "Doe"}}, "personalEmail": {"address": "\#(email)"}, "core": {"email": "\#(email)", "ecid": "\#(ecid)", "phone": "\#(phone)"}}"#,
    #"{"person": {"name": {"firstName": "Crowd"}}, "core": {"email": "\#(crowdEmail)", "ecid": "22222222222222222222222222222222222222", "phone": "+15550000001"}}"#,
  ]
  static let crm = [
    #"{"person": {"gender": "female"}, "homeAddress": {"city": "Antwerp"}, "core": {"crmId": "\#(crmID)", "email": "\#(email)"}}"#,
    #"{"core": {"crmId": "CRM-CROWD", "email": "\#(crowdEmail)"}}"#,
  ]
  static let crowdRegistrations = (1...55).map { index in
    #"{"core": {"email": "\#(crowdEmail)", "phone": "+1555100\#(1000 + index)"}}"#
  }
  static let events = (1...3).map { index in
    #"{"_id": "evt-\#(index)", "timestamp": "2026-05-0\#(index)T10:00:00Z", "eventType": "web.webpagedetails.pageViews", "core": {"ecid": "\#(ecid)"}}"#
  }
}
