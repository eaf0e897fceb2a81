/// Deterministic thinning for dense scatter plots: points are binned on a pixel grid and only the
/// first point (in input order) of each occupied cell is drawn. Cells are smaller than a point, so the
/// picture is the same; the file shrinks from one element per point to one per occupied cell.
enum PointThinning {
    /// Indices of the points to draw, ascending. `cellSize` is in px.
    static func keptIndices(of pixels: [(x: Double, y: Double)], cellSize: Double) -> [Int] {
        var occupied = Set<Int64>()
        var kept: [Int] = []
        for (index, pixel) in pixels.enumerated() {
            let column = Int64((pixel.x / cellSize).rounded(.down))
            let row = Int64((pixel.y / cellSize).rounded(.down))
            if occupied.insert(column &* 1_000_003 &+ row).inserted { kept.append(index) }
        }
        return kept
    }
}
