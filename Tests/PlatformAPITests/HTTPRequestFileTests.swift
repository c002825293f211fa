import PlatformAPI
import Testing

/// Parsing `.http` request files and resolving their requests.
@Suite struct HTTPRequestFileTests {
  static let tutorial = """
    ### Get a profile by phone
    # The + of the phone number is written %2B.
    GET https://platform.adobe.io/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=%2B32473622044&entityIdNS=phone
    Authorization: Bearer {{ACCESS_TOKEN}}
    x-api-key: {{API_KEY}}
    x-gw-ims-org-id: {{IMS_ORG}}
    x-sandbox-name: {{SANDBOX_NAME}}

    ###
    // Create a segment definition
    POST https://platform.adobe.io/data/core/ups/segment/definitions HTTP/1.1
    Content-Type: application/json
    x-sandbox-name: {{ SANDBOX_NAME }}

    {
      "name": "Jacket viewers"
    }

    """

  static let variables = [
    "ACCESS_TOKEN": "tok-9", "API_KEY": "client", "IMS_ORG": "ORG@AdobeOrg",
    "SANDBOX_NAME": "prod",
  ]

  @Test func theTutorialsRequestsAreParsedWithTheirLines() throws {
    let file = try HTTPRequestFile.parse(Self.tutorial, path: "calls.http")
    #expect(file.requests.count == 2)
    let get = file.requests[0]
    #expect(get.method == "GET")
    #expect(get.line == 3)
    #expect(get.url.hasSuffix("entityId=%2B32473622044&entityIdNS=phone"))
    #expect(get.headers.count == 4)
    #expect(get.headers[0] == HeaderField("Authorization", "Bearer {{ACCESS_TOKEN}}"))
    #expect(get.body == nil)
    let post = file.requests[1]
    #expect(post.method == "POST")
    #expect(post.line == 11)
    #expect(post.url == "https://platform.adobe.io/data/core/ups/segment/definitions")
    #expect(post.body == "{\n  \"name\": \"Jacket viewers\"\n}")
  }

  @Test func windowsLineEndingsAndAURLWithoutAMethodMeanGET() throws {
    let file = try HTTPRequestFile.parse(
      "https://platform.adobe.io/data/core/idnamespace/identities\r\nAccept: application/json\r\n",
      path: "a.http")
    #expect(
      file.requests == [
        RequestTemplate(
          method: "GET", url: "https://platform.adobe.io/data/core/idnamespace/identities",
          headers: [HeaderField("Accept", "application/json")], body: nil, line: 1)
      ])
  }

  @Test(arguments: [
    ("# only a comment\n\n", 2, "no request line"),
    ("Authorization: Bearer x\n", 1, "no request line"),
    ("GET https://platform.adobe.io/x\nx-api-key {{API_KEY}}\n", 2, "has no ':'"),
    ("\n\nFETCH https://platform.adobe.io/x\n", 3, "'FETCH' is not an HTTP method"),
    ("GTE https://platform.adobe.io/x\n", 1, "did you mean 'GET'?"),
    ("GET /data/core/ups/access/entities\n", 1, "not an absolute http(s) URL"),
    ("GET https://platform.adobe.io/x\nx-api-key: {{API_KEY\n", 2, "'{{' is not closed"),
    ("POST https://platform.adobe.io/x\n\n{\"a\": \"{{SANDBOX}}\"}\n", 3, "no variable 'SANDBOX'"),
    ("GET https://platform.adobe.io/x\nAccept: */*\nGET https://platform.adobe.io/y\n", 3, "'###'"),
  ])
  func eachProblemNamesItsLine(text: String, line: Int, fragment: String) {
    #expect {
      _ = try HTTPRequestFile.parse(text, path: "bad.http")
    } throws: { error in
      guard let error = error as? RequestFileError else { return false }
      let message = error.errorDescription ?? ""
      return error.line == line && message.hasPrefix("bad.http:\(line): ")
        && message.contains(fragment)
    }
  }

  @Test func anUnknownVariableListsTheKnownOnes() {
    let error = #expect(throws: RequestFileError.self) {
      _ = try HTTPRequestFile.parse("GET https://platform.adobe.io/{{TOKEN}}\n", path: "v.http")
    }
    #expect(
      error?.errorDescription
        == "v.http:1: there is no variable 'TOKEN'. The known variables are '{{ACCESS_TOKEN}}', "
        + "'{{API_KEY}}', '{{IMS_ORG}}', '{{SANDBOX_NAME}}'.")
  }

  @Test func requestPicksOneOrSaysHowToPick() throws {
    let file = try HTTPRequestFile.parse(Self.tutorial, path: "calls.http")
    #expect(try file.request(2).method == "POST")
    #expect(throws: RequestFileError.noSuchRequest(path: "calls.http", requested: nil, count: 2)) {
      _ = try file.request(nil)
    }
    #expect(throws: RequestFileError.noSuchRequest(path: "calls.http", requested: 3, count: 2)) {
      _ = try file.request(3)
    }
  }

  @Test func resolvingFillsVariablesAndMovesThePlatformURL() throws {
    let file = try HTTPRequestFile.parse(Self.tutorial, path: "calls.http")
    let get = try file.requests[0].resolved(
      variables: Self.variables, platformBaseURL: "http://127.0.0.1:8080/")
    #expect(
      get.url
        == "http://127.0.0.1:8080/data/core/ups/access/entities?schema.name=_xdm.context.profile&entityId=%2B32473622044&entityIdNS=phone"
    )
    #expect(get.header("Authorization") == "Bearer tok-9")
    #expect(get.header("x-api-key") == "client")
    #expect(get.header("x-gw-ims-org-id") == "ORG@AdobeOrg")
    #expect(get.body == nil)
    let post = try file.requests[1].resolved(
      variables: Self.variables, platformBaseURL: "https://platform.adobe.io")
    #expect(post.url == "https://platform.adobe.io/data/core/ups/segment/definitions")
    #expect(post.header("x-sandbox-name") == "prod")
    #expect(post.body == Array("{\n  \"name\": \"Jacket viewers\"\n}".utf8))
  }

  @Test func aLiteralPlusIsKeptAsWritten() throws {
    let template = RequestTemplate(
      method: "GET",
      url: "https://platform.adobe.io/data/core/ups/access/entities?entityId=+32473622044",
      headers: [], body: nil, line: 1)
    let request = try template.resolved(variables: [:], platformBaseURL: "http://127.0.0.1:9")
    #expect(request.url == "http://127.0.0.1:9/data/core/ups/access/entities?entityId=+32473622044")
  }

  @Test func otherHostsAreLeftAlone() throws {
    let template = RequestTemplate(
      method: "GET", url: "https://platform.adobe.io.example.com/x", headers: [], body: nil,
      line: 4)
    let request = try template.resolved(variables: [:], platformBaseURL: "http://127.0.0.1:9")
    #expect(request.url == "https://platform.adobe.io.example.com/x")
  }

  @Test func resolvingWithAMissingValueNamesIt() {
    let template = RequestTemplate(
      method: "GET", url: "https://platform.adobe.io/x",
      headers: [HeaderField("x-sandbox-name", "{{SANDBOX_NAME}}")], body: nil, line: 7)
    #expect(
      throws: RequestFileError.unknownVariable(
        path: "", line: 7, name: "SANDBOX_NAME", known: ["API_KEY"])
    ) {
      _ = try template.resolved(variables: ["API_KEY": "k"], platformBaseURL: "http://h")
    }
  }
}
