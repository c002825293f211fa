/// An unkeyed container appending the elements of an array node.
struct NodeUnkeyedContainer: UnkeyedEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]
  var count: Int { node.elementCount }

  mutating func encodeNil() throws { node.appendElement().set(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let key = ElementKey(intValue: count)
    try node.appendElement().store(value, codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let key = ElementKey(intValue: count)
    return NodeEncoder(node: node.appendElement(), codingPath: codingPath + [key])
      .container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let key = ElementKey(intValue: count)
    return NodeEncoder(node: node.appendElement(), codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let key = ElementKey(intValue: count)
    return NodeEncoder(node: node.appendElement(), codingPath: codingPath + [key])
  }
}
