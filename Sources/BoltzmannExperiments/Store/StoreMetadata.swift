/// What a results store records about the experiment it holds (its `meta` table).
public struct StoreMetadata: Sendable, Equatable {
    /// The store layout version (``ResultStore/formatVersion`` when written by this toolkit).
    public var formatVersion: Int
    public var name: String
    public var scenario: String
    public var specText: String
    public var specHash: String
    public var axes: [String]
    /// Tasks in the whole spec (all shards).
    public var plannedTaskCount: Int
    /// Toolkit version that created the store (each task row also keeps the version that ran it).
    public var toolkitVersion: String
    /// ISO 8601 creation time.
    public var created: String
}
