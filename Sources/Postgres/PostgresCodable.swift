/// A value that can be both a query parameter and a decoded column.
public typealias PostgresCodable = PostgresEncodable & PostgresDecodable
