import Testing

@Suite struct LessonCommandTests {
  @Test func lessonNextAndPrevMoveThroughTheModuleAndAreRemembered() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    _ = await course.run(["start", "mini"])
    let next = await course.run(["lesson", "next"])
    #expect(next.code == 0)
    #expect(next.output.contains("Lesson 2 of 2"))
    #expect(next.output.contains("Namespace"))
    let current = await course.run(["lesson"])
    #expect(current.output.contains("Second lesson"))
    let last = await course.run(["lesson", "next"])
    #expect(last.output.contains("Lesson 2 is the last lesson of mini"))
    let previous = await course.run(["lesson", "prev"])
    #expect(previous.output.contains("First lesson"))
  }

  @Test func lessonByNumberWorksWithoutStartingFirst() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["lesson", "2"])
    #expect(result.code == 0)
    #expect(result.output.contains("Second lesson"))
  }

  @Test func unknownLessonNumberExits64AndNamesTheRange() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["lesson", "9"])
    #expect(result.code == 64)
    #expect(result.error.contains("Module 'mini' has no lesson 9; its lessons are 1 to 2."))
  }

  @Test func wordThatIsNotALessonExits64() async throws {
    let course = try CourseSandbox()
    defer { course.remove() }
    let result = await course.run(["lesson", "nxt"])
    #expect(result.code == 64)
    #expect(result.error.contains("'nxt' is not a lesson"))
  }
}
