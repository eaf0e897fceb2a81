import Foundation
import ScopeCharts

/// One chart per kind and situation, each rendered to a golden file named after it.
enum ChartFixtures {
    static let hostile = "<b>&\"'"

    /// Deterministic pseudo-random numbers in [0, 1) (a fixed linear congruential generator).
    struct Sequence {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    static let all: [(name: String, svg: String)] = [
        ("vertical-bars-years", verticalYears.render()),
        ("vertical-bars-long-labels", verticalLongLabels.render()),
        ("horizontal-bars-top-n", horizontalTopN.render()),
        ("stacked-bars", multiSeries(.stacked).render()),
        ("grouped-bars", multiSeries(.grouped).render()),
        ("scatter-shared", scatter(axes: .shared, scale: .linear, densePoints: 0).render()),
        ("scatter-free-log-dense", scatter(axes: .free, scale: .log10, densePoints: 3000).render()),
        ("box-strip-groups", boxGroups.render()),
        ("box-strip-log", boxLog.render()),
        ("heat-map", heatMap.render()),
        ("heat-map-report-headers", heatMapReport.render()),
        ("heat-map-many-columns", heatMapManyColumns.render()),
        ("heat-map-horizontal-headers", heatMapHorizontalHeaders.render()),
        ("escaping", escaping.render()),
        (
            "no-data-vertical",
            VerticalBarChart(
                id: "e1", title: "Empty", description: "None", xLabel: "x", yLabel: "y", bars: []
            ).render()
        ),
        (
            "no-data-horizontal",
            HorizontalBarChart(id: "e2", title: "Empty", description: "None", valueLabel: "v", bars: [])
                .render()
        ),
        (
            "no-data-stacked",
            MultiSeriesBarChart(
                id: "e3", title: "Empty", description: "None", xLabel: "x", yLabel: "y", categories: ["a"],
                series: [],
                arrangement: .stacked
            ).render()
        ),
        (
            "no-data-scatter",
            ScatterSmallMultiples(
                id: "e4", title: "Empty", description: "None", xLabel: "x", yLabel: "y",
                panels: [ScatterPanel(title: "AUC", points: [])]
            ).render()
        ),
        (
            "no-data-box",
            BoxStripPlot(id: "e5", title: "Empty", description: "None", valueLabel: "v", groups: []).render()
        ),
        (
            "no-data-heat-map",
            HeatMapTable(
                id: "e6", title: "Empty", description: "None", columnLabel: "c", rowLabel: "r", rows: [],
                columns: [],
                counts: []
            ).render()
        ),
    ]

    static let verticalYears = VerticalBarChart(
        id: "fig-years", title: "Studies per publication year",
        description: "Bar chart of the number of included studies per year, 2010 to 2024.",
        xLabel: "Publication year", yLabel: "Studies",
        bars: zip(2010...2024, [0, 1, 0, 2, 3, 5, 4, 8, 12, 15, 21, 30, 28, 35, 19]).map {
            BarValue(label: String($0), value: Double($1))
        })

    static let modelFamilies = [
        "Convolutional neural network", "Random forest", "Support vector machine", "Logistic regression",
        "Gradient boosting", "k-nearest neighbours", "Transformer",
    ]

    static let verticalLongLabels = VerticalBarChart(
        id: "fig-models", title: "Model families", description: "Studies per model family.",
        xLabel: "Model family", yLabel: "Studies",
        bars: modelFamilies.enumerated().map { BarValue(label: $1, value: Double(($0 * 7) % 11)) })

    static let horizontalTopN = HorizontalBarChart(
        id: "fig-countries", title: "Countries", description: "Studies per country, top 6 and the rest.",
        valueLabel: "Studies",
        bars: [
            // The tie is not in label order: the chart must keep the order given, as tables do.
            ("United States", 31), ("China", 28),
            ("United Kingdom of Great Britain and Northern Ireland", 12), ("Germany", 12),
            ("Netherlands", 7), ("Japan", 5), ("Brazil", 3), ("Côte d’Ivoire", 1), ("Ελλάδα", 1),
        ].map { BarValue(label: $0.0, value: Double($0.1)) }, topN: 6)

    static func multiSeries(_ arrangement: MultiSeriesBarChart.Arrangement) -> MultiSeriesBarChart {
        MultiSeriesBarChart(
            id: "fig-design", title: "Design by modality", description: "Study design per imaging modality.",
            xLabel: "Modality", yLabel: "Studies", categories: ["CT", "MRI", "Histopathology", "X-ray"],
            series: [
                BarSeries(name: "Retrospective", values: [3, 5, 8, 2]),
                BarSeries(name: "Prospective cohort", values: [1, 2, 0, 4]),
                BarSeries(name: "Randomised controlled trial", values: [0, 1, 2, 1]),
                BarSeries(name: "Other", values: [2, 0, 1]),
            ], arrangement: arrangement)
    }

    static func scatter(axes: AxisSharing, scale: AxisScale, densePoints: Int) -> ScatterSmallMultiples {
        var random = Sequence(state: 7)
        let panels = ["AUC", "Accuracy", "Sensitivity", "Specificity"].enumerated().map { index, name in
            let count = index == 3 && densePoints > 0 ? densePoints : 12
            var points = (0..<count).map { _ -> ChartPoint in
                let x = 10 + random.next() * 990
                return ChartPoint(x: x, y: min(1, 0.6 + 0.0002 * x + 0.15 * random.next()))
            }
            // A perfect score at the largest sample size sits in the panel's top right corner, drawn whole.
            if index == 0 { points.append(ChartPoint(x: 1000, y: 1)) }
            let xs = stride(from: 10.0, through: 1000, by: 55).map { $0 }
            let fit = FittedLine(
                line: xs.map { ChartPoint(x: $0, y: 0.67 + 0.0002 * $0) },
                band: xs.map { BandPoint(x: $0, lower: 0.62 + 0.00018 * $0, upper: 0.72 + 0.00022 * $0) })
            return ScatterPanel(
                title: name, points: points, fit: index == 1 ? nil : fit,
                annotation: "n = \(points.count), r = 0.21, p = 0.51")
        }
        return ScatterSmallMultiples(
            id: "fig-performance", title: "Performance against sample size",
            description: "Four panels of reported performance against samples per label, with linear fits.",
            xLabel: "Samples per label", yLabel: "Reported value", panels: panels, axes: axes, xScale: scale,
            maxPointsPerPanel: 500)
    }

    static let patients: [Double] = {
        var random = Sequence(state: 11)
        return (0..<40).map { _ in (pow(10, 1 + 3 * random.next())).rounded() }
    }()

    static let boxGroups = BoxStripPlot(
        id: "fig-patients-design", title: "Patients per study by design",
        description: "Box plots with the individual studies as points.", valueLabel: "Patients per study",
        groupLabel: "Design",
        groups: [
            BoxGroup(label: "Retrospective cohort", values: Array(patients.prefix(20))),
            BoxGroup(label: "Prospective", values: Array(patients.suffix(20))),
            BoxGroup(label: "Randomised controlled trial", values: [120]),
        ])

    static let boxLog = BoxStripPlot(
        id: "fig-patients", title: "Patients per study", description: "Box plot on a log scale.",
        valueLabel: "Patients per study (log scale)", groups: [BoxGroup(label: "", values: patients + [0])],
        scale: .log10)

    static let heatMap = HeatMapTable(
        id: "fig-modality-task", title: "Modality by task",
        description: "Cross-tabulation of modality and task.",
        columnLabel: "Task", rowLabel: "Modality",
        rows: ["CT", "MRI", "Whole-slide histopathology images", "X-ray", "Ultrasound"],
        columns: ["Classification", "Segmentation", "Detection", "Prognosis & survival"],
        counts: [[12, 5, 3, 0], [8, 14, 1, 2], [20, 3, 0, 6], [15, 0, 7, 1], [2, 1, 1]])

    /// The report's modality-by-task table: headers too wide to stay horizontal in their columns.
    static let heatMapReport = HeatMapTable(
        id: "fig-report-modality-task", title: "Modality by task",
        description: "Cross-tabulation of imaging modality and task.", columnLabel: "Task",
        rowLabel: "Imaging modality",
        rows: ["radiograph", "CT", "MRI", "PET", "ultrasound", "histopathology"],
        columns: ["diagnosis", "detection", "segmentation", "prognosis", "treatment-response"],
        counts: [
            [3, 1, 0, 0, 0], [3, 0, 1, 0, 2], [13, 0, 1, 5, 5], [0, 0, 0, 3, 2], [1], [1, 0, 0, 1, 2],
        ])

    /// Columns too narrow for slanted headers, on a narrower chart.
    static let heatMapManyColumns = HeatMapTable(
        id: "fig-many-columns", title: "Modality by method", description: "Eight methods per modality.",
        columnLabel: "Method", rowLabel: "",
        rows: ["CT", "MRI", "Whole-slide images"],
        columns: [
            "CNN", "U-Net", "Random forest", "SVM", "Gradient boosting", "Transformer",
            "k-nearest neighbours",
            "Logistic regression",
        ],
        counts: [[5, 3, 1, 0, 2, 1, 0, 4], [2, 7, 0, 1, 0, 3, 1, 1], [9, 4, 0, 0, 1, 6, 0, 0]],
        style: ChartStyle(width: 400))

    /// Headers that fit their columns upright once wrapped at spaces and hyphens.
    static let heatMapHorizontalHeaders = HeatMapTable(
        id: "fig-validation", title: "External validation by design",
        description: "Whether studies validated externally, per design.", columnLabel: "External validation",
        rowLabel: "Design", rows: ["Retrospective", "Prospective"],
        columns: ["Yes", "No", "Unclear or not reported", "Multi-centre"],
        counts: [[4, 20, 6, 3], [3, 2, 0, 1]])

    static let escaping = HorizontalBarChart(
        id: "fig <b>&\"'", title: hostile, description: hostile, valueLabel: hostile, categoryLabel: hostile,
        bars: [BarValue(label: hostile, value: 3), BarValue(label: "plain", value: 1)])
}
