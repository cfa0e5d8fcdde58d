import Foundation

/// An sRGB colour with components in [0, 1].
public struct Color: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    /// Components are clamped to [0, 1]; NaN becomes 0.
    public init(red: Double, green: Double, blue: Double) {
        func clamped(_ value: Double) -> Double { value.isNaN ? 0 : min(max(value, 0), 1) }
        self.red = clamped(red)
        self.green = clamped(green)
        self.blue = clamped(blue)
    }

    /// A grey: 0 is black, 1 is white.
    public init(white: Double) {
        self.init(red: white, green: white, blue: white)
    }

    /// Parses `#RRGGBB` or `RRGGBB` (case-insensitive); nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let packed = UInt32(digits, radix: 16) else { return nil }
        self.init(
            red: Double((packed >> 16) & 0xFF) / 255,
            green: Double((packed >> 8) & 0xFF) / 255,
            blue: Double(packed & 0xFF) / 255)
    }

    /// `#rrggbb`, each component rounded to the nearest of 256 levels.
    public var hex: String {
        func byte(_ value: Double) -> String {
            let level = Int((value * 255).rounded())
            return (level < 16 ? "0" : "") + String(level, radix: 16)
        }
        return "#" + byte(red) + byte(green) + byte(blue)
    }

    /// Relative luminance Y of WCAG 2.x (sRGB decoded to linear light, weights of ITU-R
    /// BT.709): 0 for black, 1 for white. Used to pick black or white text over a colour.
    public var luminance: Double {
        func linear(_ value: Double) -> Double {
            value <= 0.04045 ? value / 12.92 : Foundation.pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Linear interpolation in sRGB: `fraction` 0 gives `self`, 1 gives `other`.
    public func mixed(with other: Color, fraction: Double) -> Color {
        Color(
            red: red + (other.red - red) * fraction,
            green: green + (other.green - green) * fraction,
            blue: blue + (other.blue - blue) * fraction)
    }

    public static let black = Color(white: 0)
    public static let white = Color(white: 1)
    /// Mid grey for secondary lines (#808080).
    public static let gray = Color(white: 128.0 / 255)
}
