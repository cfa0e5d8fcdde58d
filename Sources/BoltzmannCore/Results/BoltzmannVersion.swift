/// The toolkit's version, recorded with every stored result.
public enum BoltzmannVersion {
    public static let current = "0.1.0"
}
