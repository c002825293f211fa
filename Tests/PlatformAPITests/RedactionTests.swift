import Foundation
import PlatformAPI
import Testing

@Suite struct RedactionTests {
  @Test func aSecretNeverPrints() {
    let secret = Secret("p8e-very-secret")
    #expect("\(secret)" == Secret.placeholder)
    #expect(String(reflecting: secret) == Secret.placeholder)
    var dumped = ""
    dump(secret, to: &dumped)
    #expect(!dumped.contains("p8e-very-secret"))
  }

  @Test func credentialsDescribedInAnyWayHideTheSecret() {
    let credentials = PlatformCredentials(
      clientID: "client", clientSecret: Secret("p8e-very-secret"), orgID: "ORG@AdobeOrg")
    var dumped = ""
    dump(credentials, to: &dumped)
    for text in ["\(credentials)", String(reflecting: credentials), dumped] {
      #expect(!text.contains("p8e-very-secret"))
    }
  }

  @Test func knownSecretsBearerTokensAndSensitiveParametersAreHidden() {
    let redactor = Redactor(secrets: ["p8e-very-secret"])
    let text = redactor.redact(
      "client_secret=p8e-very-secret Authorization: Bearer eyJhbGciOi.abc "
        + "https://h/x?access_token=tok123&entityId=a")
    #expect(!text.contains("p8e-very-secret"))
    #expect(!text.contains("eyJhbGciOi.abc"))
    #expect(!text.contains("tok123"))
    #expect(text.contains("entityId=a"))
  }

  @Test func urlsKeepOrdinaryParameters() {
    #expect(
      Redactor.redactURL("https://ims/x?client_id=abc&client_secret=s3&scope=openid")
        == "https://ims/x?client_id=abc&client_secret=\(Secret.placeholder)&scope=openid")
  }

  @Test func errorDescriptionsNeverCarryTheSecret() {
    let redactor = Redactor(secrets: ["p8e-very-secret"])
    let error = PlatformAPIError.platform(
      status: 400, body: redactor.redact(#"{"echo":"p8e-very-secret"}"#), requestID: "r1")
    #expect(error.errorDescription?.contains("p8e-very-secret") == false)
  }
}
