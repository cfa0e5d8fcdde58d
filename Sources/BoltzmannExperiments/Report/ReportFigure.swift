import BoltzmannCore
import BoltzmannPlot

/// One figure of a report: the inline SVG with a caption, or, when the figure could not be
/// drawn, the reason (a report shows what failed instead of failing as a whole).
public struct ReportFigure: Sendable {
    public enum Content: Sendable {
        case svg(String)
        case failure(String)
    }

    public var caption: String
    public var content: Content

    public init(caption: String, content: Content) {
        self.caption = caption
        self.content = content
    }

    /// Draws `recipe` from `summary` (and `simulation` for overlays).
    public init(recipe: PlotRecipe, summary: ExperimentSummary, simulation: ExperimentSummary? = nil, caption: String? = nil) {
        do {
            let figure = try recipe.figure(summary, simulation: simulation)
            self.init(caption: caption ?? Self.plainText(figure.title ?? ""), content: .svg(try figure.svg()))
        } catch {
            self.init(caption: caption ?? "figure", content: .failure("\(error)"))
        }
    }

    /// RichText markup without its braces and script markers, for a caption: `q^{*}` → `q*`.
    static func plainText(_ markup: String) -> String {
        var text = ""
        var inScript = false
        var previous: Character = " "
        for character in markup {
            if (character == "{") && (previous == "^" || previous == "_") {
                text.removeLast()
                inScript = true
            } else if character == "}" && inScript {
                inScript = false
            } else {
                text.append(character)
            }
            previous = character
        }
        return text
    }
}
