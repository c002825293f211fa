import Foundation
import PlatformAPI
import Testing

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy()

  @Test func throttlingIsRetriedForEveryMethodButOther5xxOnlyWhenIdempotent() {
    #expect(policy.shouldRetry(status: 429, method: "POST"))
    #expect(policy.shouldRetry(status: 503, method: "POST"))
    #expect(policy.shouldRetry(status: 500, method: "GET"))
    #expect(!policy.shouldRetry(status: 500, method: "POST"))
    #expect(!policy.shouldRetry(status: 404, method: "GET"))
  }

  @Test func retryAfterSecondsIsHonoured() {
    let response = TransportResponse(status: 429, headers: [HeaderField("Retry-After", "2")])
    #expect(policy.delay(after: response, attempt: 1) == .seconds(2))
  }

  @Test func retryAfterMsInAProfileErrorArrayIsHonoured() {
    let body = #"[{"message":"slow down","retryAfterMs":1500,"statusCode":"429"}]"#
    let response = TransportResponse(status: 429, body: Array(body.utf8))
    #expect(policy.delay(after: response, attempt: 1) == .milliseconds(1500))
  }

  @Test func withoutAHintTheBackoffDoublesUpToTheCap() {
    let response = TransportResponse(status: 503)
    #expect(policy.delay(after: response, attempt: 1) == .milliseconds(500))
    #expect(policy.delay(after: response, attempt: 3) == .seconds(2))
    #expect(policy.delay(after: response, attempt: 12) == .seconds(30))
  }
}
