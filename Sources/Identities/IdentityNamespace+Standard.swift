extension IdentityNamespace {
  /// The namespaces every sandbox starts with: the Platform's standard ones and the demo
  /// system's CRM and loyalty namespaces that module 3 uses.
  public static let standard: [IdentityNamespace] = [
    IdentityNamespace(
      id: 0, code: "CORE", name: "CORE", type: .cookie, isCustom: false,
      description: "Adobe Audience Manager's cookie id."),
    IdentityNamespace(
      id: 4, code: "ECID", name: "ECID", type: .cookie, isCustom: false,
      description: "Experience Cloud ID: the browser or app id, 38 digits."),
    IdentityNamespace(
      id: 6, code: "Email", name: "Email", type: .email, isCustom: false,
      description: "An email address."),
    IdentityNamespace(
      id: 7, code: "Phone", name: "Phone", type: .phone, isCustom: false,
      description: "A phone number."),
    IdentityNamespace(
      id: 9, code: "TNTID", name: "Adobe Target (TNTID)", type: .cookie, isCustom: false,
      description: "Adobe Target's visitor id."),
    IdentityNamespace(
      id: 10, code: "AAID", name: "Adobe Analytics (Legacy ID)", type: .device,
      isCustom: false, description: "Adobe Analytics' legacy visitor id."),
    IdentityNamespace(
      id: 11, code: "Email_LC_SHA256", name: "Emails (SHA256, lowercased)", type: .email,
      isCustom: false, description: "A lowercased email address hashed with SHA-256."),
    IdentityNamespace(
      id: 15, code: "Phone_SHA256", name: "Phone (SHA256)", type: .phone, isCustom: false,
      description: "A phone number hashed with SHA-256."),
    IdentityNamespace(
      id: 16, code: "Phone_E.164", name: "Phone (E.164)", type: .phone, isCustom: false,
      description: "A phone number in E.164 form."),
    IdentityNamespace(
      id: 20_914, code: "GAID", name: "Google Ad ID (GAID)", type: .device, isCustom: false,
      description: "Android's advertising id."),
    IdentityNamespace(
      id: 20_915, code: "IDFA", name: "Apple IDFA (ID for Advertisers)", type: .device,
      isCustom: false, description: "iOS's advertising id."),
    IdentityNamespace(
      id: 20_919, code: "WAID", name: "Windows AID", type: .device, isCustom: false,
      description: "Windows' advertising id."),
    IdentityNamespace(
      id: 411, code: "AdCloud", name: "AdCloud", type: .partner, isCustom: false,
      description: "Adobe Advertising Cloud's partner id."),
    IdentityNamespace(
      id: 10_000_001, code: "CRMID", name: "Demo System - CRMID", type: .crossDevice,
      isCustom: false, aliases: ["crmId"], description: "The demo CRM system's customer id."),
    IdentityNamespace(
      id: 10_000_002, code: "loyaltyId", name: "Demo System - Loyalty ID", type: .crossDevice,
      isCustom: false, description: "The demo loyalty programme's member id."),
  ]
}
