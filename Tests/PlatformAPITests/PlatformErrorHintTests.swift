import PlatformAPI
import Testing

@Suite struct PlatformErrorHintTests {
  @Test(arguments: [
    (401, #"{"error_code":"401013","message":"Oauth token is not valid"}"#, "expired"),
    (403, #"{"error_code":"403010","message":"Oauth token is missing."}"#, "Authorization"),
    (400, #"{"error_code":"400003","message":"Missing header: x-sandbox-name"}"#, "x-sandbox-name"),
    (403, #"{"error_code":"403000","message":"Api Key is required"}"#, "x-api-key"),
    (
      400, #"{"title":"BadRequestError","description":"Unknown namespace 'emial'"}"#,
      "list-namespaces"
    ),
    (404, #"{"message":"No profile found for identity 'a b@c.d'","statusCode":"404"}"#, "%2B"),
  ])
  func eachCommonErrorGetsItsLikelyCause(status: Int, body: String, mention: String) {
    let hint = PlatformErrorHint.sentence(status: status, body: body)
    #expect(hint?.contains(mention) == true)
  }
}
